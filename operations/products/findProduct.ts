import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_PRODUCT } from '../samples';

export const findProduct = findRecordOperation({
  key: 'find_product',
  objectType: 'products',
  sample: SAMPLE_PRODUCT,
  searchPropertyDefault: 'hs_sku',
});
