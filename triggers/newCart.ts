import { newCart } from '../operations/carts/newCart';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newCart);
