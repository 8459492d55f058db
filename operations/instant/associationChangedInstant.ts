import { newOrUpdatedObject } from '../anyObject/newOrUpdatedObject';
import { OBJECT_TYPE_INPUT } from '../anyObject/sample';
import { instantTrigger } from './build';
import { ASSOCIATION_EVENT_FIELDS } from './fields';
import { sampleEvent } from './samples';

export const associationChangedInstant = instantTrigger({
  key: 'association_changed_instant',
  polling: newOrUpdatedObject,
  event: 'associationChange',
  objectType: OBJECT_TYPE_INPUT,
  label: 'Association Changed',
  description:
    'Triggers when a record of the chosen object type is associated with another record, or an association is removed.',
  eventOutputFields: ASSOCIATION_EVENT_FIELDS,
  sampleEvent: sampleEvent(String(newOrUpdatedObject.sample.id), 'associationChange', {
    association_object_type_id: '0-1',
    association_record_id: '51',
    association_type_id: 1,
    association_category: 'HUBSPOT_DEFINED',
    association_removed: false,
  }),
});
