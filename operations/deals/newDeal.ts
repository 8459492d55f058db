import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_DEAL } from '../samples';
import { withStageLabels } from '../stageLabels';

export const newDeal = withStageLabels(
  newRecordTrigger({
    key: 'new_deal',
    objectType: 'deals',
    sample: SAMPLE_DEAL,
  }),
);
