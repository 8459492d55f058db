import { createCart } from '../operations/carts/createCart';
import { renderCreate } from '../zapier/render';

export default renderCreate(createCart);
