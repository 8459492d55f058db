import { updateLineItem } from '../operations/lineItems/updateLineItem';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateLineItem);
