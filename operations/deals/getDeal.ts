import { getRecordOperation } from '../objects/getRecord';
import { SAMPLE_DEAL } from '../samples';

export const getDeal = getRecordOperation({
  key: 'get_deal',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
});
