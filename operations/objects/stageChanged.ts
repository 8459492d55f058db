import { paths } from '../../hubspot/paths';
import { listPipelines, PIPELINE_PROPERTIES, stageLabels } from '../pipelines';
import type { OperationDef, OperationResult } from '../types';
import { titleCase } from '../wording';
import { objectType } from './common';
import { propertyChangeTrigger } from './propertyChange';

/**
 * Fires once per stage change of a record with pipelines (deals, tickets), with the previous and new stage and the
 * pipeline, ids and labels, optionally only in one pipeline and only into one stage. Runs the property-change trigger
 * on the stage property (search for modified records, then their stage history); the pipeline and stage filters
 * apply to each change's new stage, which names its pipeline because stage ids are unique across a type's pipelines
 * (https://developers.hubspot.com/docs/api/crm/pipelines). Labels cost one pipelines read, only on polls that found
 * changes.
 */
export interface StageChangedConfig {
  key: string;
  objectType: 'deals' | 'tickets';
  /** What the trigger outputs, for the editor before the user's data exists. */
  sample: OperationResult;
}

export function stageChangedTrigger(config: StageChangedConfig): OperationDef {
  const { pipeline: PIPELINE, stage: STAGE } = PIPELINE_PROPERTIES[config.objectType]!;
  const type = objectType(config.objectType);
  const records = type.plural.toLowerCase();
  const stageChanges = propertyChangeTrigger({
    key: config.key,
    objectType: config.objectType,
    sample: config.sample,
    // The pipeline does not narrow the search: the search sees a record's current pipeline, and a record moved into a
    // stage of the chosen pipeline and then to another pipeline before the poll would be missed. The pipeline and
    // stage filters apply to each change's new stage below (stage ids are unique across a type's pipelines).
  });
  return {
    ...stageChanges,
    label: titleCase(`${type.singular} Stage Changed`),
    description: `Triggers when a ${type.singular.toLowerCase()} moves to another stage, optionally only in one pipeline or into one stage.`,
    inputFields: [
      {
        key: PIPELINE,
        label: 'Pipeline',
        dropdown: { kind: 'pipelines', objectType: config.objectType },
        altersDynamicFields: true,
        helpText: `Only ${records} in this pipeline. Leave empty for every pipeline.`,
      },
      {
        key: STAGE,
        label: 'Stage',
        dropdown: { kind: 'stages', objectType: config.objectType, pipelineField: PIPELINE },
        helpText: `Only ${records} moved into this stage. Leave empty for every stage.`,
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
    calls: {
      endpoints: [...stageChanges.calls.endpoints, `GET ${paths.pipelines.list(config.objectType)}`],
      perRun: `${stageChanges.calls.perRun}; +1 pipelines read when changes were found`,
    },
    async perform(ctx) {
      const changes = (await stageChanges.perform({
        ...ctx,
        input: { ...ctx.input, property: STAGE },
      })) as OperationResult[];
      if (changes.length === 0) return [];
      const pipelines = await listPipelines(ctx, config.objectType);
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
}
