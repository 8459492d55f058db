import { createLineItem } from '../operations/lineItems/createLineItem';
import { renderCreate } from '../zapier/render';

export default renderCreate(createLineItem);
