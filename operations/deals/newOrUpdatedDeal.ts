import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { SAMPLE_DEAL } from '../samples';
import { withStageLabels } from '../stageLabels';

export const newOrUpdatedDeal = withStageLabels(
  newOrUpdatedRecordTrigger({
    key: 'new_or_updated_deal',
    objectType: 'deals',
    sample: SAMPLE_DEAL,
  }),
);
