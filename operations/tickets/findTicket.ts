import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_TICKET } from '../samples';

export const findTicket = findRecordOperation({
  key: 'find_ticket',
  objectType: 'tickets',
  sample: SAMPLE_TICKET,
  searchPropertyDefault: 'subject',
});
