import { updateCart } from '../operations/carts/updateCart';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateCart);
