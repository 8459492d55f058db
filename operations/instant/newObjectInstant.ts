import { newObject } from '../anyObject/newObject';
import { OBJECT_TYPE_INPUT } from '../anyObject/sample';
import { instantTrigger } from './build';
import { sampleEvent } from './samples';

export const newObjectInstant = instantTrigger({
  key: 'new_object_instant',
  polling: newObject,
  event: 'creation',
  objectType: OBJECT_TYPE_INPUT,
  label: 'New Record',
  description: 'Triggers when a new record of the chosen object type (custom objects included) is created.',
  sampleEvent: sampleEvent(String(newObject.sample.id), 'creation'),
});
