import { contactPropertyChange } from '../contacts/contactPropertyChange';
import { instantTrigger } from './build';
import { PROPERTY_EVENT_FIELDS } from './fields';
import { propertyField } from './propertyField';
import { sampleEvent } from './samples';

export const contactPropertyChangeInstant = instantTrigger({
  key: 'contact_property_change_instant',
  polling: contactPropertyChange,
  event: 'propertyChange',
  objectType: 'contacts',
  label: 'Contact Property Changed',
  description: 'Triggers when a chosen property of a contact changes, with its new value.',
  inputFields: [propertyField(contactPropertyChange)],
  property: { fromInput: 'property', label: 'Property' },
  eventOutputFields: PROPERTY_EVENT_FIELDS,
  sampleEvent: sampleEvent(String(contactPropertyChange.sample.record_id), 'propertyChange', {
    property_name: 'lifecyclestage',
    property_value: 'customer',
    change_source: 'CRM_UI',
  }),
});
