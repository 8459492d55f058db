import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_TICKET } from '../samples';
import { withStageLabels } from '../stageLabels';

export const findTicket = withStageLabels(
  findRecordOperation({
    key: 'find_ticket',
    objectType: 'tickets',
    sample: SAMPLE_TICKET,
    searchPropertyDefault: 'subject',
  }),
);
