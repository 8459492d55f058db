import { updateProduct } from '../operations/products/updateProduct';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateProduct);
