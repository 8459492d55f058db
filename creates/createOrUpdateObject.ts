import { createOrUpdateObject } from '../operations/anyObject/createOrUpdateObject';
import { renderCreate } from '../zapier/render';

export default renderCreate(createOrUpdateObject);
