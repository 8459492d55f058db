import { getRecordOperation } from '../objects/getRecord';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const getObject = getRecordOperation({
  key: 'get_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
