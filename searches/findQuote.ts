import { findQuote } from '../operations/quotes/findQuote';
import { renderSearch } from '../zapier/render';

export default renderSearch(findQuote);
