import { createQuote } from '../operations/quotes/createQuote';
import { renderCreate } from '../zapier/render';

export default renderCreate(createQuote);
