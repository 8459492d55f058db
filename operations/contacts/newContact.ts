import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_CONTACT } from '../samples';

export const newContact = newRecordTrigger({
  key: 'new_contact',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
});
