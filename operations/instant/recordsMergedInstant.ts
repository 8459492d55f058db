import { newOrUpdatedObject } from '../anyObject/newOrUpdatedObject';
import { OBJECT_TYPE_INPUT } from '../anyObject/sample';
import { instantTrigger } from './build';
import { MERGE_EVENT_FIELDS } from './fields';
import { sampleEvent } from './samples';

/** Outputs the record that remains after the merge (read once), and the ids merged into it. */
export const recordsMergedInstant = instantTrigger({
  key: 'records_merged_instant',
  polling: newOrUpdatedObject,
  event: 'merge',
  objectType: OBJECT_TYPE_INPUT,
  label: 'Records Merged',
  description:
    'Triggers when records of the chosen object type are merged, with the record kept and the IDs merged into it.',
  eventOutputFields: MERGE_EVENT_FIELDS,
  sampleEvent: sampleEvent(String(newOrUpdatedObject.sample.id), 'merge', {
    primary_record_id: String(newOrUpdatedObject.sample.id),
    merged_record_ids: '18237466',
  }),
});
