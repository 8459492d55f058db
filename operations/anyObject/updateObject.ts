import { updateRecordOperation } from '../objects/updateRecord';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const updateObject = updateRecordOperation({
  key: 'update_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
