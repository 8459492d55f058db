import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_PRODUCT } from '../samples';

export const newProduct = newRecordTrigger({
  key: 'new_product',
  objectType: 'products',
  sample: SAMPLE_PRODUCT,
});
