import { searchRecordsOperation } from '../objects/searchRecords';
import { SAMPLE_DEAL } from '../samples';

export const searchDeals = searchRecordsOperation({
  key: 'search_deals',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
});
