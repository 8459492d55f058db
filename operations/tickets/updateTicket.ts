import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_TICKET } from '../samples';
import { withStageLabels } from '../stageLabels';

export const updateTicket = withStageLabels(
  updateRecordOperation({
    key: 'update_ticket',
    objectType: 'tickets',
    sample: SAMPLE_TICKET,
  }),
);
