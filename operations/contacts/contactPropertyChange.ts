import { propertyChangeTrigger } from '../objects/propertyChange';
import { SAMPLE_CONTACT } from '../samples';

export const contactPropertyChange = propertyChangeTrigger({
  key: 'contact_property_change',
  objectType: 'contacts',
  sample: SAMPLE_CONTACT,
});
