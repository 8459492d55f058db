import { updateTicket } from '../operations/tickets/updateTicket';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateTicket);
