import { DEDUPE_KEY } from '../dedupe';
import { stageChangedTrigger } from '../objects/stageChanged';
import { SAMPLE_TICKET } from '../samples';

/**
 * Ticket status changes: a ticket's stage is `hs_pipeline_stage` in pipeline `hs_pipeline`
 * (https://developers.hubspot.com/docs/api/crm/tickets); the default support pipeline's stages are New (1),
 * Waiting on contact (2), Waiting on us (3) and Closed (4).
 */
export const ticketStageChanged = stageChangedTrigger({
  key: 'ticket_stage_changed',
  objectType: 'tickets',
  sample: {
    id: SAMPLE_TICKET.id,
    record_id: SAMPLE_TICKET.id,
    [DEDUPE_KEY]: `${SAMPLE_TICKET.id}-hs_pipeline_stage-1767603600000`,
    previous_stage: '1',
    previous_stage_label: 'New',
    stage: '2',
    stage_label: 'Waiting on contact',
    pipeline: '0',
    pipeline_label: 'Support Pipeline',
    changed_at: '2026-01-05T09:00:00.000Z',
    source_type: 'CRM_UI',
    source_id: 'userId:2001',
    properties: SAMPLE_TICKET.properties,
  },
});
