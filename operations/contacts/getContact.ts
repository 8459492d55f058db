import { getRecordOperation } from '../objects/getRecord';
import { SAMPLE_CONTACT } from '../samples';

export const getContact = getRecordOperation({
  key: 'get_contact',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
});
