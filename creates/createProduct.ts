import { createProduct } from '../operations/products/createProduct';
import { renderCreate } from '../zapier/render';

export default renderCreate(createProduct);
