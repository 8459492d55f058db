import { getRecordOperation } from '../objects/getRecord';
import { SAMPLE_TICKET } from '../samples';

export const getTicket = getRecordOperation({
  key: 'get_ticket',
  objectType: 'tickets',
  sample: SAMPLE_TICKET,
});
