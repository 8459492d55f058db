import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_CONTACT } from '../samples';

export const findContact = findRecordOperation({
  key: 'find_contact',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
  searchPropertyDefault: 'email',
});
