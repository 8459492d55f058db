import { newOrUpdatedObject } from '../operations/anyObject/newOrUpdatedObject';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newOrUpdatedObject);
