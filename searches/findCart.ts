import { findCart } from '../operations/carts/findCart';
import { renderSearch } from '../zapier/render';

export default renderSearch(findCart);
