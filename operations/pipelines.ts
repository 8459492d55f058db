import { paths } from '../hubspot/paths';
import type { OperationContext } from './types';

/**
 * Pipelines and their stages, for the pipeline → stage dropdowns and for stage labels in trigger output.
 * `GET /crm/v3/pipelines/{objectType}` answers every pipeline with its stages in one call; the loop follows
 * `paging.next.after` should HubSpot ever page it, so no pipeline is out of reach.
 * https://developers.hubspot.com/docs/api/crm/pipelines
 */

export interface Stage {
  id: string;
  label: string;
  displayOrder?: number;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder?: number;
  stages: Stage[];
}

/**
 * The properties holding a record's pipeline and stage, per object type with pipelines.
 * https://developers.hubspot.com/docs/api/crm/deals and https://developers.hubspot.com/docs/api/crm/tickets
 */
export const PIPELINE_PROPERTIES: Readonly<Record<string, { pipeline: string; stage: string }>> = {
  deals: { pipeline: 'pipeline', stage: 'dealstage' },
  tickets: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage' },
};

const byOrder = <T extends { displayOrder?: number; label: string }>(a: T, b: T) =>
  (a.displayOrder ?? 0) - (b.displayOrder ?? 0) || a.label.localeCompare(b.label);

/** Every pipeline of a type, in display order (the first is the one HubSpot uses when none is given). */
export async function listPipelines(ctx: OperationContext, objectType: string): Promise<Pipeline[]> {
  const all: Pipeline[] = [];
  let after: string | undefined;
  do {
    const { data } = await ctx.api.request<{ results: Pipeline[]; paging?: { next?: { after: string } } }>({
      method: 'GET',
      path: paths.pipelines.list(objectType),
      query: { after },
      idempotent: true,
    });
    all.push(...data.results);
    after = data.paging?.next?.after;
  } while (after);
  return all.sort(byOrder).map((p) => ({ ...p, stages: [...(p.stages ?? [])].sort(byOrder) }));
}

/** The chosen pipeline, or the first one when none is chosen; undefined for an unknown id. */
export function choosePipeline(pipelines: readonly Pipeline[], chosen: unknown): Pipeline | undefined {
  if (chosen === undefined || chosen === null || chosen === '') return pipelines[0];
  return pipelines.find((p) => p.id === String(chosen));
}

/** Stage id → "Stage (Pipeline)" labels; stage ids are unique across a type's pipelines. */
export function stageLabels(
  pipelines: readonly Pipeline[],
): Map<string, { stage: string; pipeline: string }> {
  const labels = new Map<string, { stage: string; pipeline: string }>();
  for (const p of pipelines)
    for (const s of p.stages) labels.set(s.id, { stage: s.label, pipeline: p.label });
  return labels;
}
