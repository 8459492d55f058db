import { searchRecordsOperation } from '../objects/searchRecords';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const searchObjects = searchRecordsOperation({
  key: 'search_objects',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
