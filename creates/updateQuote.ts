import { updateQuote } from '../operations/quotes/updateQuote';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateQuote);
