import { paths } from '../../hubspot/paths';
import { DEDUPE_KEY } from '../dedupe';
import { propertyChangeTrigger } from '../objects/propertyChange';
import { listPipelines, PIPELINE_PROPERTIES, stageLabels } from '../pipelines';
import { SAMPLE_DEAL } from '../samples';
import type { OperationDef, OperationResult } from '../types';

const STAGE = PIPELINE_PROPERTIES.deals!.stage;
const PIPELINE = PIPELINE_PROPERTIES.deals!.pipeline;

/**
 * Fires once per deal stage change, with the previous and new stage and their labels, optionally only in one
 * pipeline and only into one stage. Runs the property-change trigger on `dealstage` (modified deals, then their stage
 * history); the pipeline and stage filters apply to each change's new stage, which names its pipeline because stage
 * ids are unique across a portal's deal pipelines (https://developers.hubspot.com/docs/api/crm/pipelines). The
 * pipeline does not narrow the search: the search sees a deal's current pipeline, and a deal moved into a stage of the
 * chosen pipeline and then to another pipeline before the poll would be missed. Labels cost one pipelines read, only
 * on polls that found changes.
 */
const stageChanges = propertyChangeTrigger({
  key: 'deal_stage_changed',
  objectType: 'deals',
  sample: SAMPLE_DEAL,
});

export const dealStageChanged: OperationDef = {
  ...stageChanges,
  label: 'Deal Stage Changed',
  description:
    'Triggers when a deal moves to another stage, optionally only in one pipeline or into one stage.',
  inputFields: [
    {
      key: PIPELINE,
      label: 'Pipeline',
      dropdown: { kind: 'pipelines', objectType: 'deals' },
      altersDynamicFields: true,
      helpText: 'Only deals in this pipeline. Leave empty for every pipeline.',
    },
    {
      key: STAGE,
      label: 'Stage',
      dropdown: { kind: 'stages', objectType: 'deals', pipelineField: PIPELINE },
      helpText: 'Only deals moved into this stage. Leave empty for every stage.',
    },
    ...stageChanges.inputFields.filter((f) => f.key !== 'property'),
  ],
  outputFields: [
    ...stageChanges.outputFields.filter((f) => !['property', 'value', 'previous_value'].includes(f.key)),
    { key: 'previous_stage', label: 'Previous stage ID' },
    { key: 'previous_stage_label', label: 'Previous stage' },
    { key: 'stage', label: 'Stage ID' },
    { key: 'stage_label', label: 'Stage' },
    { key: 'pipeline', label: 'Pipeline ID' },
    { key: 'pipeline_label', label: 'Pipeline' },
  ],
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
  calls: {
    endpoints: [...stageChanges.calls.endpoints, `GET ${paths.pipelines.list('deals')}`],
    perRun: `${stageChanges.calls.perRun}; +1 pipelines read when changes were found`,
  },
  async perform(ctx) {
    const changes = (await stageChanges.perform({
      ...ctx,
      input: { ...ctx.input, property: STAGE },
    })) as OperationResult[];
    if (changes.length === 0) return [];
    const pipelines = await listPipelines(ctx, 'deals');
    const labels = stageLabels(pipelines);
    const pipelineOf = new Map(pipelines.flatMap((p) => p.stages.map((s) => [s.id, p] as const)));
    const wantedPipeline = ctx.input[PIPELINE] ? String(ctx.input[PIPELINE]) : undefined;
    const wantedStage = ctx.input[STAGE] ? String(ctx.input[STAGE]) : undefined;
    return changes
      .filter((c) => !wantedStage || c.value === wantedStage)
      .filter((c) => !wantedPipeline || pipelineOf.get(String(c.value))?.id === wantedPipeline)
      .map(({ property: _property, value, previous_value, ...rest }) => {
        const stage = String(value ?? '');
        const previous = previous_value === null ? null : String(previous_value);
        return {
          ...rest,
          previous_stage: previous,
          previous_stage_label: previous ? (labels.get(previous)?.stage ?? previous) : null,
          stage,
          stage_label: labels.get(stage)?.stage ?? stage,
          pipeline: pipelineOf.get(stage)?.id ?? null,
          pipeline_label: labels.get(stage)?.pipeline ?? null,
        };
      });
  },
};
