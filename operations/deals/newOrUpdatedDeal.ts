import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { SAMPLE_DEAL } from '../samples';

export const newOrUpdatedDeal = newOrUpdatedRecordTrigger({
  key: 'new_or_updated_deal',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
});
