import { findStandardObjectType, type ObjectTypeDef } from '../facts/objectTypes';
import type { PropertyOption } from '../model';

/**
 * Deal, ticket and custom-object pipelines with their stages, in the shape `GET /crm/v3/pipelines/{objectType}`
 * answers (`Pipeline`, `PipelineStage` of @hubspot/api-client 14). https://developers.hubspot.com/docs/api/crm/pipelines
 * Object writes check `pipeline`/`dealstage` (deals) and `hs_pipeline`/`hs_pipeline_stage` (tickets, custom objects)
 * against these through `propertyOptions` (the hook of sandbox/objects/runtimeOptions.ts) or `validateStage`.
 */

export interface StoredStage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  archived: boolean;
  archivedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface StoredPipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: StoredStage[];
  archived: boolean;
  archivedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface StageInput {
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

/** Object types with pipelines: deals and tickets; custom objects may have them too. */
export const PIPELINE_PROPERTIES: Readonly<Record<string, { pipeline: string; stage: string }>> = {
  '0-3': { pipeline: 'pipeline', stage: 'dealstage' },
  '0-5': { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage' },
};
const CUSTOM_PIPELINE_PROPERTIES = { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage' };

/** When the portal's default pipelines were "created"; a fixed instant so answers do not move between runs. */
const PORTAL_CREATED_AT = Date.UTC(2024, 0, 2, 9, 0, 0);

/** HubSpot's default sales pipeline (ids and probabilities as every portal has them; hubspot-api.md §5.2). */
const DEFAULT_DEAL_STAGES: Array<[id: string, label: string, probability: string, closed: boolean]> = [
  ['appointmentscheduled', 'Appointment Scheduled', '0.2', false],
  ['qualifiedtobuy', 'Qualified To Buy', '0.4', false],
  ['presentationscheduled', 'Presentation Scheduled', '0.6', false],
  ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8', false],
  ['contractsent', 'Contract Sent', '0.9', false],
  ['closedwon', 'Closed Won', '1.0', true],
  ['closedlost', 'Closed Lost', '0.0', true],
];

/** HubSpot's default support pipeline; stage ids `1`–`4` are UNVERIFIED (hubspot-api.md §5.2). */
const DEFAULT_TICKET_STAGES: Array<[id: string, label: string, state: 'OPEN' | 'CLOSED']> = [
  ['1', 'New', 'OPEN'],
  ['2', 'Waiting on contact', 'OPEN'],
  ['3', 'Waiting on us', 'OPEN'],
  ['4', 'Closed', 'CLOSED'],
];

const stage = (
  id: string,
  label: string,
  displayOrder: number,
  metadata: Record<string, string>,
): StoredStage => ({
  id,
  label,
  displayOrder,
  metadata,
  archived: false,
  createdAt: PORTAL_CREATED_AT,
  updatedAt: PORTAL_CREATED_AT,
});

function defaultPipelines(): Map<string, StoredPipeline[]> {
  const pipeline = (id: string, label: string, stages: StoredStage[]): StoredPipeline => ({
    id,
    label,
    displayOrder: 0,
    stages,
    archived: false,
    createdAt: PORTAL_CREATED_AT,
    updatedAt: PORTAL_CREATED_AT,
  });
  return new Map([
    [
      '0-3',
      [
        pipeline(
          'default',
          'Sales Pipeline',
          DEFAULT_DEAL_STAGES.map(([id, label, probability, closed], i) =>
            stage(id, label, i, { isClosed: String(closed), probability }),
          ),
        ),
      ],
    ],
    [
      '0-5',
      [
        pipeline(
          '0',
          'Support Pipeline',
          DEFAULT_TICKET_STAGES.map(([id, label, ticketState], i) => stage(id, label, i, { ticketState })),
        ),
      ],
    ],
  ]);
}

/** Accepts an objectTypeId, a standard path name (`deals`) or a type definition. */
type TypeRef = string | ObjectTypeDef;
const typeIdOf = (type: TypeRef) =>
  typeof type === 'string' ? (findStandardObjectType(type)?.objectTypeId ?? type) : type.objectTypeId;

const byOrder = <T extends { displayOrder: number; label: string }>(a: T, b: T) =>
  a.displayOrder - b.displayOrder || a.label.localeCompare(b.label);

/** New pipeline and stage ids are digit strings, as HubSpot makes them; the starting figure is the sandbox's. */
const FIRST_GENERATED_ID = 100_000_001;

export class PipelineStore {
  private byType = defaultPipelines();
  private nextId = FIRST_GENERATED_ID;

  /** Whether records of this type carry pipelines (deals, tickets, custom objects). */
  supports(type: ObjectTypeDef): boolean {
    return type.custom || type.objectTypeId in PIPELINE_PROPERTIES;
  }

  /** The pipeline and stage property names of a type. */
  properties(type: ObjectTypeDef): { pipeline: string; stage: string } | undefined {
    if (type.custom) return CUSTOM_PIPELINE_PROPERTIES;
    return PIPELINE_PROPERTIES[type.objectTypeId];
  }

  /** Pipelines of a type in display order; archived ones only when asked. */
  list(type: TypeRef, options: { archived?: boolean } = {}): StoredPipeline[] {
    const archived = options.archived ?? false;
    return (this.byType.get(typeIdOf(type)) ?? []).filter((p) => p.archived === archived).sort(byOrder);
  }

  get(type: TypeRef, pipelineId: string): StoredPipeline | undefined {
    return this.list(type).find((p) => p.id === pipelineId);
  }

  /** The first pipeline in display order: what HubSpot uses when a write names a stage but no pipeline. */
  defaultPipeline(type: TypeRef): StoredPipeline | undefined {
    return this.list(type)[0];
  }

  /** Active stages of a pipeline in display order. */
  stages(pipeline: StoredPipeline): StoredStage[] {
    return pipeline.stages.filter((s) => !s.archived).sort(byOrder);
  }

  /** Pipelines of a type as property options (`pipeline`, `hs_pipeline`). */
  pipelineOptions(type: TypeRef): PropertyOption[] {
    return this.list(type).map((p, i) => ({ label: p.label, value: p.id, displayOrder: i, hidden: false }));
  }

  /** Stages of one pipeline as property options (`dealstage`, `hs_pipeline_stage`); empty for an unknown pipeline. */
  stageOptions(type: TypeRef, pipelineId: string): PropertyOption[] {
    const pipeline = this.get(type, pipelineId);
    if (!pipeline) return [];
    return this.stages(pipeline).map((s, i) => ({
      label: s.label,
      value: s.id,
      displayOrder: i,
      hidden: false,
    }));
  }

  /**
   * Checks a stage against its pipeline (the default pipeline when none is given). Returns HubSpot's INVALID_OPTION
   * message (`x was not one of the allowed options: [a, b]`), or undefined when the stage belongs to the pipeline.
   */
  validateStage(type: TypeRef, pipelineId: string | undefined, stageId: string): string | undefined {
    const pipeline = pipelineId === undefined ? this.defaultPipeline(type) : this.get(type, pipelineId);
    const allowed = pipeline ? this.stages(pipeline).map((s) => s.id) : [];
    if (allowed.includes(stageId)) return undefined;
    return `${stageId} was not one of the allowed options: [${allowed.join(', ')}]`;
  }

  /**
   * The hook sandbox/objects/runtimeOptions.ts calls: allowed values of a pipeline or stage property given the other
   * values of the write; undefined for properties this store does not govern.
   */
  propertyOptions(type: ObjectTypeDef, propertyName: string, values: Readonly<Record<string, unknown>>) {
    const names = this.properties(type);
    if (!names) return undefined;
    if (propertyName === names.pipeline) return this.list(type).map((p) => p.id);
    if (propertyName !== names.stage) return undefined;
    const chosen = values[names.pipeline];
    const pipeline =
      chosen === undefined || chosen === null || chosen === ''
        ? this.defaultPipeline(type)
        : this.get(type, String(chosen));
    return pipeline ? this.stages(pipeline).map((s) => s.id) : [];
  }

  // ---- writes (the routes validate inputs first) ---------------------------------------------------------------

  createPipeline(
    type: TypeRef,
    input: { label: string; displayOrder: number; stages: StageInput[] },
    now: number,
  ) {
    const pipeline: StoredPipeline = {
      id: this.takeId(),
      label: input.label,
      displayOrder: input.displayOrder,
      stages: input.stages.map((s) => this.newStage(s, now)),
      archived: false,
      createdAt: now,
      updatedAt: now,
    };
    const typeId = typeIdOf(type);
    this.byType.set(typeId, [...(this.byType.get(typeId) ?? []), pipeline]);
    return pipeline;
  }

  /** Replaces a pipeline's label, order and stages; a stage keeps its id when its label is unchanged. */
  replacePipeline(
    pipeline: StoredPipeline,
    input: { label: string; displayOrder: number; stages: StageInput[] },
    now: number,
  ): void {
    const byLabel = new Map(this.stages(pipeline).map((s) => [s.label, s]));
    const kept = new Set<StoredStage>();
    const stages = input.stages.map((s) => {
      const existing = byLabel.get(s.label);
      if (!existing || kept.has(existing)) return this.newStage(s, now);
      kept.add(existing);
      Object.assign(existing, { displayOrder: s.displayOrder, metadata: s.metadata, updatedAt: now });
      return existing;
    });
    const dropped = pipeline.stages
      .filter((s) => !kept.has(s))
      .map((s) => (s.archived ? s : { ...s, archived: true, archivedAt: now, updatedAt: now }));
    Object.assign(pipeline, {
      label: input.label,
      displayOrder: input.displayOrder,
      stages: [...stages, ...dropped],
      updatedAt: now,
    });
  }

  archivePipeline(pipeline: StoredPipeline, now: number): void {
    Object.assign(pipeline, { archived: true, archivedAt: now, updatedAt: now });
  }

  /** An archived pipeline by id (PATCH `archived:false` restores it). */
  archivedPipeline(type: TypeRef, pipelineId: string): StoredPipeline | undefined {
    return this.list(type, { archived: true }).find((p) => p.id === pipelineId);
  }

  addStage(pipeline: StoredPipeline, input: StageInput, now: number): StoredStage {
    const created = this.newStage(input, now);
    pipeline.stages.push(created);
    pipeline.updatedAt = now;
    return created;
  }

  private newStage(input: StageInput, now: number): StoredStage {
    return {
      ...stage(this.takeId(), input.label, input.displayOrder, input.metadata),
      createdAt: now,
      updatedAt: now,
    };
  }

  private takeId(): string {
    return String(this.nextId++);
  }

  toJSON() {
    return {
      nextId: this.nextId,
      pipelines: [...this.byType].map(([objectTypeId, list]) => ({ objectTypeId, list })),
    };
  }

  load(state: Partial<ReturnType<PipelineStore['toJSON']>>): void {
    if (typeof state.nextId === 'number') this.nextId = Math.max(this.nextId, state.nextId);
    for (const { objectTypeId, list } of state.pipelines ?? []) this.byType.set(objectTypeId, list);
  }
}
