import { paths } from '../hubspot/paths';
import { listPipelines, PIPELINE_PROPERTIES, type Pipeline } from './pipelines';
import type { RequestSpec, StageLabelsSpec } from './request';
import type { OperationContext, OperationDef, OperationResult, OutputFieldDef } from './types';

/**
 * Stage and pipeline labels beside their ids in every output of a deal or ticket operation: `dealstage` holds
 * `appointmentscheduled` (or a number in a custom pipeline), which a Zap cannot show to a person. The labels come from
 * `GET /crm/v3/pipelines/{objectType}` (https://developers.hubspot.com/docs/api/crm/pipelines), read at most once a
 * run and only when an output carries a stage or pipeline. Output keys: the property's name + `_label`
 * (`dealstage_label`, `pipeline_label`; `hs_pipeline_stage_label`, `hs_pipeline_label`).
 */

type Names = StageLabelsSpec;

const labelKey = (property: string) => `${property}_label`;

export function stageLabelFields(objectType: string): OutputFieldDef[] {
  const names = PIPELINE_PROPERTIES[objectType];
  if (!names) return [];
  return [
    { key: labelKey(names.stage), label: 'Stage' },
    { key: labelKey(names.pipeline), label: 'Pipeline' },
  ];
}

function propertyValue(output: OperationResult, property: string): string | undefined {
  const props = output.properties as Record<string, unknown> | undefined;
  const value = props?.[property];
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** The outputs with their labels; an id missing from the pipelines (deleted since) keeps its id as label. */
export function labelled(
  outputs: OperationResult[],
  names: Names,
  pipelines: readonly Pipeline[],
): OperationResult[] {
  const pipelineById = new Map(pipelines.map((p) => [p.id, p]));
  const stageById = new Map(
    pipelines.flatMap((p) => p.stages.map((s) => [s.id, { stage: s, pipeline: p }] as const)),
  );
  return outputs.map((output) => {
    const stage = propertyValue(output, names.stage);
    const pipeline = propertyValue(output, names.pipeline);
    const found = stage ? stageById.get(stage) : undefined;
    const pipelineLabel = pipeline ? pipelineById.get(pipeline)?.label : found?.pipeline.label;
    return {
      ...output,
      [labelKey(names.stage)]: stage ? (found?.stage.label ?? stage) : null,
      [labelKey(names.pipeline)]: pipelineLabel ?? pipeline ?? null,
    };
  });
}

/** Adds the labels to a deal or ticket operation (fixed type): one pipelines read a run, when an output has a stage. */
export function withStageLabels(def: OperationDef): OperationDef {
  const objectType = typeof def.objectType === 'string' ? def.objectType : undefined;
  const names = objectType ? PIPELINE_PROPERTIES[objectType] : undefined;
  if (!objectType || !names) throw new Error(`${def.key}: stage labels need deals or tickets.`);
  const [stageField, pipelineField] = stageLabelFields(objectType);
  const sample = def.sample.properties
    ? labelled([def.sample], names, SAMPLE_PIPELINES[objectType]!)[0]!
    : def.sample;
  const requests = def.requests ? marked(def.key, def.requests, names) : undefined;
  const paged = requests?.some((r) => r.pagination || r.poll);
  const noun = def.noun.toLowerCase();
  return {
    ...def,
    ...(requests ? { requests } : {}),
    outputFields: [...def.outputFields, stageField!, pipelineField!],
    sample,
    calls: {
      endpoints: [...def.calls.endpoints, `GET ${paths.pipelines.list(objectType)}`],
      perRun:
        `${def.calls.perRun}; +1 pipelines read for the stage labels when a ${noun} is output` +
        // Make keeps no documented value across the pages of a request, so its paged module reads them first.
        (paged ? ` (on Make: before the ${poll(requests!) ? 'poll' : 'search'}, every run)` : ''),
    },
    async perform(ctx: OperationContext) {
      const result = await def.perform(ctx);
      const outputs = Array.isArray(result) ? result : [result];
      const carries = outputs.some((o) => propertyValue(o, names.stage) || propertyValue(o, names.pipeline));
      if (!carries) return result;
      const done = labelled(outputs, names, await listPipelines(ctx, objectType));
      return Array.isArray(result) ? done : done[0]!;
    },
  };
}

const poll = (requests: readonly RequestSpec[]) => requests.some((r) => r.poll);

/** The declared requests with the labels marked on the one that outputs (the last), for Make to render. */
function marked(key: string, requests: readonly RequestSpec[], names: Names): RequestSpec[] {
  const last = requests[requests.length - 1];
  if (!last?.output) throw new Error(`${key}: stage labels need a declared request with an output.`);
  return [
    ...requests.slice(0, -1),
    { ...last, stageLabels: { pipeline: names.pipeline, stage: names.stage } },
  ];
}

/** HubSpot's default pipelines, for the samples only (https://knowledge.hubspot.com/object-settings/set-up-and-customize-pipelines). */
const SAMPLE_PIPELINES: Record<string, Pipeline[]> = {
  deals: [
    {
      id: 'default',
      label: 'Sales Pipeline',
      stages: [{ id: 'appointmentscheduled', label: 'Appointment Scheduled' }],
    },
  ],
  tickets: [{ id: '0', label: 'Support Pipeline', stages: [{ id: '1', label: 'New' }] }],
};
