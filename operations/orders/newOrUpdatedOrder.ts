import { withAvailability } from '../availability';
import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { SAMPLE_ORDER } from '../samples';

export const newOrUpdatedOrder = withAvailability(
  newOrUpdatedRecordTrigger({ key: 'new_or_updated_order', objectType: 'orders', sample: SAMPLE_ORDER }),
  'orders',
);
