import { propertyChangeTrigger } from '../objects/propertyChange';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const objectPropertyChange = propertyChangeTrigger({
  key: 'object_property_change',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
