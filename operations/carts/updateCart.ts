import { withAvailability } from '../availability';
import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_CART } from '../samples';

export const updateCart = withAvailability(
  updateRecordOperation({ key: 'update_cart', objectType: 'carts', sample: SAMPLE_CART }),
  'carts',
);
