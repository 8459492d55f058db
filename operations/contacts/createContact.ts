import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_CONTACT } from '../samples';

export const createContact = createRecordOperation({
  key: 'create_contact',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
  associateWith: ['companies', 'deals', 'tickets'],
});
