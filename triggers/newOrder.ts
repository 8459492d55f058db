import { newOrder } from '../operations/orders/newOrder';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newOrder);
