import { updateObject } from '../operations/anyObject/updateObject';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateObject);
