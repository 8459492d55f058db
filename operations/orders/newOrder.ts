import { withAvailability } from '../availability';
import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_ORDER } from '../samples';

export const newOrder = withAvailability(
  newRecordTrigger({ key: 'new_order', objectType: 'orders', sample: SAMPLE_ORDER }),
  'orders',
);
