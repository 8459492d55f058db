import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_TICKET } from '../samples';
import { withStageLabels } from '../stageLabels';

export const newTicket = withStageLabels(
  newRecordTrigger({
    key: 'new_ticket',
    objectType: 'tickets',
    sample: SAMPLE_TICKET,
  }),
);
