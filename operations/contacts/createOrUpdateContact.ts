import { upsertRecordOperation } from '../objects/upsertRecord';
import { SAMPLE_CONTACT } from '../samples';

export const createOrUpdateContact = upsertRecordOperation({
  key: 'create_or_update_contact',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
  idPropertyDefault: 'email',
});
