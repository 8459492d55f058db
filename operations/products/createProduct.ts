import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_PRODUCT } from '../samples';

export const createProduct = createRecordOperation({
  key: 'create_product',
  objectType: 'products',
  sample: SAMPLE_PRODUCT,
});
