import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_DEAL } from '../samples';

export const findDeal = findRecordOperation({
  key: 'find_deal',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
  searchPropertyDefault: 'dealname',
});
