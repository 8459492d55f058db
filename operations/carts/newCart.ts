import { withAvailability } from '../availability';
import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_CART } from '../samples';

export const newCart = withAvailability(
  newRecordTrigger({ key: 'new_cart', objectType: 'carts', sample: SAMPLE_CART }),
  'carts',
);
