import { ticketStageChanged } from '../operations/tickets/ticketStageChanged';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(ticketStageChanged);
