import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { SAMPLE_TICKET } from '../samples';
import { withStageLabels } from '../stageLabels';

export const newOrUpdatedTicket = withStageLabels(
  newOrUpdatedRecordTrigger({
    key: 'new_or_updated_ticket',
    objectType: 'tickets',
    sample: SAMPLE_TICKET,
  }),
);
