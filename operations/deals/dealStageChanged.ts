import { DEDUPE_KEY } from '../dedupe';
import { stageChangedTrigger } from '../objects/stageChanged';
import { SAMPLE_DEAL } from '../samples';

/** Deal stage changes (the factory: `operations/objects/stageChanged.ts`). */
export const dealStageChanged = stageChangedTrigger({
  key: 'deal_stage_changed',
  objectType: 'deals',
  sample: {
    id: SAMPLE_DEAL.id,
    record_id: SAMPLE_DEAL.id,
    [DEDUPE_KEY]: `${SAMPLE_DEAL.id}-dealstage-1767603600000`,
    previous_stage: 'appointmentscheduled',
    previous_stage_label: 'Appointment Scheduled',
    stage: 'qualifiedtobuy',
    stage_label: 'Qualified To Buy',
    pipeline: 'default',
    pipeline_label: 'Sales Pipeline',
    changed_at: '2026-01-05T09:00:00.000Z',
    source_type: 'CRM_UI',
    source_id: 'userId:2001',
    properties: SAMPLE_DEAL.properties,
  },
});
