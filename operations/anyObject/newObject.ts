import { newRecordTrigger } from '../objects/triggers';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const newObject = newRecordTrigger({
  key: 'new_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
