import { createOrder } from '../operations/orders/createOrder';
import { renderCreate } from '../zapier/render';

export default renderCreate(createOrder);
