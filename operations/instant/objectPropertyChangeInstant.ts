import { objectPropertyChange } from '../anyObject/objectPropertyChange';
import { OBJECT_TYPE_INPUT } from '../anyObject/sample';
import { instantTrigger } from './build';
import { PROPERTY_EVENT_FIELDS } from './fields';
import { propertyField } from './propertyField';
import { sampleEvent } from './samples';

export const objectPropertyChangeInstant = instantTrigger({
  key: 'object_property_change_instant',
  polling: objectPropertyChange,
  event: 'propertyChange',
  objectType: OBJECT_TYPE_INPUT,
  label: 'Record Property Changed',
  description:
    'Triggers when a chosen property of a record of the chosen object type changes, with its new value.',
  inputFields: [propertyField(objectPropertyChange)],
  property: { fromInput: 'property', label: 'Property' },
  eventOutputFields: PROPERTY_EVENT_FIELDS,
  sampleEvent: sampleEvent(String(objectPropertyChange.sample.record_id), 'propertyChange', {
    property_name: 'model',
    property_value: 'EX30',
    change_source: 'CRM_UI',
  }),
});
