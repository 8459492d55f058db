import { getTicket } from '../operations/tickets/getTicket';
import { renderSearch } from '../zapier/render';

export default renderSearch(getTicket);
