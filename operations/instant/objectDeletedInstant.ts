import { newObject } from '../anyObject/newObject';
import { OBJECT_TYPE_INPUT } from '../anyObject/sample';
import { instantTrigger } from './build';
import { sampleEvent } from './samples';

/** No polling twin (search does not see deleted records); `performList` shows new records of the type as samples. */
export const objectDeletedInstant = instantTrigger({
  key: 'object_deleted_instant',
  polling: newObject,
  event: 'deletion',
  objectType: OBJECT_TYPE_INPUT,
  label: 'Record Deleted',
  description:
    'Triggers when a record of the chosen object type is deleted (archived), with its ID and when.',
  sampleEvent: sampleEvent(String(newObject.sample.id), 'deletion'),
});
