import { withAvailability } from '../availability';
import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_ORDER } from '../samples';

export const updateOrder = withAvailability(
  updateRecordOperation({ key: 'update_order', objectType: 'orders', sample: SAMPLE_ORDER }),
  'orders',
);
