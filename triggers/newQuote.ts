import { newQuote } from '../operations/quotes/newQuote';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newQuote);
