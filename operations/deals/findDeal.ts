import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_DEAL } from '../samples';
import { withStageLabels } from '../stageLabels';

export const findDeal = withStageLabels(
  findRecordOperation({
    key: 'find_deal',
    objectType: 'deals',
    sample: SAMPLE_DEAL,
    searchPropertyDefault: 'dealname',
  }),
);
