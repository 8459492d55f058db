import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_TICKET } from '../samples';

export const newTicket = newRecordTrigger({
  key: 'new_ticket',
  objectType: 'tickets',
  sample: SAMPLE_TICKET,
});
