import { newOrUpdatedOrder } from '../operations/orders/newOrUpdatedOrder';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newOrUpdatedOrder);
