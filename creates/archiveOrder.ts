import { archiveOrder } from '../operations/orders/archiveOrder';
import { renderCreate } from '../zapier/render';

export default renderCreate(archiveOrder);
