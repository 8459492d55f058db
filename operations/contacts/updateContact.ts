import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_CONTACT } from '../samples';

export const updateContact = updateRecordOperation({
  key: 'update_contact',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
});
