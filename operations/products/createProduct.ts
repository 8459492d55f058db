import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_PRODUCT } from '../samples';

export const createProduct = createRecordOperation({
  key: 'create_product',
  objectType: 'products',
  sample: SAMPLE_PRODUCT,
  // What HubSpot's guide says a create should include: https://developers.hubspot.com/docs/api/crm/products
  requiredProperties: ['name'],
});
