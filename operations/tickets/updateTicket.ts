import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_TICKET } from '../samples';

export const updateTicket = updateRecordOperation({
  key: 'update_ticket',
  objectType: 'tickets',
  sample: SAMPLE_TICKET,
});
