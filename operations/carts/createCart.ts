import { withAvailability } from '../availability';
import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_CART } from '../samples';

export const createCart = withAvailability(
  createRecordOperation({
    key: 'create_cart',
    objectType: 'carts',
    sample: SAMPLE_CART,
  }),
  'carts',
);
