import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_TICKET } from '../samples';
import { withStageLabels } from '../stageLabels';

export const createTicket = withStageLabels(
  createRecordOperation({
    key: 'create_ticket',
    objectType: 'tickets',
    sample: SAMPLE_TICKET,
    associateWith: ['contacts', 'companies', 'deals'],
    // What HubSpot's guide says a create should include: https://developers.hubspot.com/docs/api/crm/tickets
    requiredProperties: ['subject', 'hs_pipeline_stage'],
  }),
);
