import { newTicketInstant } from '../operations/instant/newTicketInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(newTicketInstant);
