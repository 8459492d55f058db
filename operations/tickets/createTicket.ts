import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_TICKET } from '../samples';

export const createTicket = createRecordOperation({
  key: 'create_ticket',
  objectType: 'tickets',
  sample: SAMPLE_TICKET,
});
