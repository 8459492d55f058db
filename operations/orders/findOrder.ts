import { withAvailability } from '../availability';
import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_ORDER } from '../samples';

export const findOrder = withAvailability(
  findRecordOperation({
    key: 'find_order',
    objectType: 'orders',
    sample: SAMPLE_ORDER,
    searchPropertyDefault: 'hs_order_name',
  }),
  'orders',
);
