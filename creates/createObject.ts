import { createObject } from '../operations/anyObject/createObject';
import { renderCreate } from '../zapier/render';

export default renderCreate(createObject);
