import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_DEAL } from '../samples';
import { withStageLabels } from '../stageLabels';

export const updateDeal = withStageLabels(
  updateRecordOperation({
    key: 'update_deal',
    objectType: 'deals',
    sample: SAMPLE_DEAL,
  }),
);
