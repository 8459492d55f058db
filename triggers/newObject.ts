import { newObject } from '../operations/anyObject/newObject';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newObject);
