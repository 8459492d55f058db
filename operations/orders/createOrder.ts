import { withAvailability } from '../availability';
import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_ORDER } from '../samples';

export const createOrder = withAvailability(
  createRecordOperation({
    key: 'create_order',
    objectType: 'orders',
    sample: SAMPLE_ORDER,
  }),
  'orders',
);
