import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_PRODUCT } from '../samples';

/** A price or description change on the product library; SKU is the usual key when it is unique in the portal. */
export const updateProduct = updateRecordOperation({
  key: 'update_product',
  objectType: 'products',
  sample: SAMPLE_PRODUCT,
});
