import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_DEAL } from '../samples';

export const createDeal = createRecordOperation({
  key: 'create_deal',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
});
