import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_DEAL } from '../samples';
import { withStageLabels } from '../stageLabels';

export const createDeal = withStageLabels(
  createRecordOperation({
    key: 'create_deal',
    objectType: 'deals',
    sample: SAMPLE_DEAL,
    associateWith: ['contacts', 'companies', 'tickets'],
    // What HubSpot's guide says a create should include: https://developers.hubspot.com/docs/api/crm/deals
    requiredProperties: ['dealname', 'dealstage'],
  }),
);
