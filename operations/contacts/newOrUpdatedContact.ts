import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { SAMPLE_CONTACT } from '../samples';

export const newOrUpdatedContact = newOrUpdatedRecordTrigger({
  key: 'new_or_updated_contact',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
});
