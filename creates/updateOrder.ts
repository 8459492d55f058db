import { updateOrder } from '../operations/orders/updateOrder';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateOrder);
