import { createRecordOperation } from '../objects/createRecord';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const createObject = createRecordOperation({
  key: 'create_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
