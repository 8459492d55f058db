import { findTicket } from '../operations/tickets/findTicket';
import { renderSearch } from '../zapier/render';

export default renderSearch(findTicket);
