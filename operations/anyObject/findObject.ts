import { findRecordOperation } from '../objects/findRecord';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const findObject = findRecordOperation({
  key: 'find_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
  searchPropertyDefault: 'hs_object_id',
});
