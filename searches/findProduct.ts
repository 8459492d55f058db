import { findProduct } from '../operations/products/findProduct';
import { renderSearch } from '../zapier/render';

export default renderSearch(findProduct);
