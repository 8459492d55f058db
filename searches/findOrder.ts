import { findOrder } from '../operations/orders/findOrder';
import { renderSearch } from '../zapier/render';

export default renderSearch(findOrder);
