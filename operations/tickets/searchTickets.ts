import { searchRecordsOperation } from '../objects/searchRecords';
import { SAMPLE_TICKET } from '../samples';

export const searchTickets = searchRecordsOperation({
  key: 'search_tickets',
  objectType: 'tickets',
  sample: SAMPLE_TICKET,
});
