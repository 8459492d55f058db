import { newOrUpdatedTicket } from '../operations/tickets/newOrUpdatedTicket';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newOrUpdatedTicket);
