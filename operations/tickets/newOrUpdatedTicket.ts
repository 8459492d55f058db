import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { SAMPLE_TICKET } from '../samples';

export const newOrUpdatedTicket = newOrUpdatedRecordTrigger({
  key: 'new_or_updated_ticket',
  objectType: 'tickets',
  sample: SAMPLE_TICKET,
});
