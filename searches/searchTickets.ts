import { searchTickets } from '../operations/tickets/searchTickets';
import { renderSearch } from '../zapier/render';

export default renderSearch(searchTickets);
