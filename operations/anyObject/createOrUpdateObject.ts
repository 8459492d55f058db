import { upsertRecordOperation } from '../objects/upsertRecord';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const createOrUpdateObject = upsertRecordOperation({
  key: 'create_or_update_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
