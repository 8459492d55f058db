import { createTicket } from '../operations/tickets/createTicket';
import { renderCreate } from '../zapier/render';

export default renderCreate(createTicket);
