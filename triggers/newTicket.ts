import { newTicket } from '../operations/tickets/newTicket';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newTicket);
