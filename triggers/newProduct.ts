import { newProduct } from '../operations/products/newProduct';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newProduct);
