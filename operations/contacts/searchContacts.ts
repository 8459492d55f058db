import { searchRecordsOperation } from '../objects/searchRecords';
import { SAMPLE_CONTACT } from '../samples';

export const searchContacts = searchRecordsOperation({
  key: 'search_contacts',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
});
