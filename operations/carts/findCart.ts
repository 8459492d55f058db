import { withAvailability } from '../availability';
import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_CART } from '../samples';

export const findCart = withAvailability(
  findRecordOperation({
    key: 'find_cart',
    objectType: 'carts',
    sample: SAMPLE_CART,
    searchPropertyDefault: 'hs_external_cart_id',
  }),
  'carts',
);
