import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_DEAL } from '../samples';

export const newDeal = newRecordTrigger({
  key: 'new_deal',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
});
