import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const newOrUpdatedObject = newOrUpdatedRecordTrigger({
  key: 'new_or_updated_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
