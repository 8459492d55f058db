import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_DEAL } from '../samples';

export const updateDeal = updateRecordOperation({
  key: 'update_deal',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
});
