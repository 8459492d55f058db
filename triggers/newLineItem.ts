import { newLineItem } from '../operations/lineItems/newLineItem';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newLineItem);
