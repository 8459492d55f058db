import { conflict, fail, validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { StageInput, StoredPipeline, StoredStage } from '../state/pipelines';

/**
 * Pipelines v3 for deals, tickets and custom objects. https://developers.hubspot.com/docs/api/crm/pipelines
 * Success statuses per @hubspot/api-client 14: create 201, archive 204, the rest 200. Audit endpoints are not served.
 */
export function pipelineRoutes(router: Router): void {
  const read = { scopes: typeScopes('read') };
  const write = { scopes: typeScopes('write') };
  const base = '/crm/v3/pipelines/:objectType';

  router.get(base, read, (req, portal) => {
    const type = pipelineType(req, portal);
    return json(200, { results: portal.pipelines.list(type).map((p) => pipelineView(portal, p)) });
  });

  router.post(base, write, (req, portal) => {
    const type = pipelineType(req, portal);
    const input = pipelineInput(type, objectBody(req));
    refuseDuplicateLabel(portal, type, input.label);
    const created = portal.pipelines.createPipeline(type, input, portal.now());
    return json(201, pipelineView(portal, created));
  });

  router.get(`${base}/:pipelineId`, read, (req, portal) => {
    const { pipeline } = find(req, portal);
    return json(200, pipelineView(portal, pipeline));
  });

  router.put(`${base}/:pipelineId`, write, (req, portal) => {
    const { type, pipeline } = find(req, portal);
    const input = pipelineInput(type, objectBody(req));
    refuseDuplicateLabel(portal, type, input.label, pipeline.id);
    portal.pipelines.replacePipeline(pipeline, input, portal.now());
    return json(200, pipelineView(portal, pipeline));
  });

  router.patch(`${base}/:pipelineId`, write, (req, portal) => {
    const type = pipelineType(req, portal);
    const body = objectBody(req);
    const pipelineId = req.params.pipelineId!;
    // `archived: false` restores an archived pipeline.
    const pipeline =
      portal.pipelines.get(type, pipelineId) ??
      (body.archived === false ? portal.pipelines.archivedPipeline(type, pipelineId) : undefined);
    if (!pipeline) throw pipelineNotFound(pipelineId);
    if (body.label !== undefined) refuseDuplicateLabel(portal, type, requiredLabel(body.label), pipeline.id);
    Object.assign(pipeline, {
      ...(body.label !== undefined ? { label: requiredLabel(body.label) } : {}),
      ...(body.displayOrder !== undefined ? { displayOrder: displayOrder(body.displayOrder) } : {}),
      updatedAt: portal.now(),
    });
    if (body.archived === true) archive(portal, type, pipeline);
    if (body.archived === false && pipeline.archived) {
      pipeline.archived = false;
      delete pipeline.archivedAt;
    }
    return json(200, pipelineView(portal, pipeline));
  });

  router.delete(`${base}/:pipelineId`, write, (req, portal) => {
    const { type, pipeline } = find(req, portal);
    archive(portal, type, pipeline);
    return noContent();
  });

  router.get(`${base}/:pipelineId/stages`, read, (req, portal) => {
    const { pipeline } = find(req, portal);
    return json(200, { results: portal.pipelines.stages(pipeline).map(stageView) });
  });

  router.post(`${base}/:pipelineId/stages`, write, (req, portal) => {
    const { type, pipeline } = find(req, portal);
    const created = portal.pipelines.addStage(
      pipeline,
      stageInput(type, objectBody(req), 'body'),
      portal.now(),
    );
    return json(201, stageView(created));
  });

  router.get(`${base}/:pipelineId/stages/:stageId`, read, (req, portal) => {
    return json(200, stageView(findStage(req, portal).stage));
  });

  router.put(`${base}/:pipelineId/stages/:stageId`, write, (req, portal) => {
    const { type, stage } = findStage(req, portal);
    const input = stageInput(type, objectBody(req), 'body');
    Object.assign(stage, input, { updatedAt: portal.now() });
    return json(200, stageView(stage));
  });

  router.patch(`${base}/:pipelineId/stages/:stageId`, write, (req, portal) => {
    const { type, pipeline, stage } = findStage(req, portal);
    const body = objectBody(req);
    const metadata =
      body.metadata === undefined
        ? undefined
        : stageMetadata(type, { ...stage.metadata, ...stringMap(body.metadata) });
    Object.assign(stage, {
      ...(body.label !== undefined ? { label: requiredLabel(body.label) } : {}),
      ...(body.displayOrder !== undefined ? { displayOrder: displayOrder(body.displayOrder) } : {}),
      ...(metadata ? { metadata } : {}),
      updatedAt: portal.now(),
    });
    if (body.archived === true) archiveStage(portal, pipeline, stage);
    return json(200, stageView(stage));
  });

  router.delete(`${base}/:pipelineId/stages/:stageId`, write, (req, portal) => {
    const { pipeline, stage } = findStage(req, portal);
    archiveStage(portal, pipeline, stage);
    return noContent();
  });
}

/** Scopes of the object type whose pipelines are read or written. */
function typeScopes(access: 'read' | 'write') {
  return (req: SandboxRequest, portal: Portal): readonly string[] => {
    const type = portal.objectTypes.find(req.params.objectType ?? '');
    if (!type) return [];
    return access === 'read' ? type.readScopes : type.writeScopes;
  };
}

function pipelineType(req: SandboxRequest, portal: Portal): ObjectTypeDef {
  const type = portal.objectTypes.resolve(req.params.objectType!);
  // Message: UNVERIFIED.
  if (!portal.pipelines.supports(type))
    throw validationError(`Object type ${type.name} does not have pipelines.`);
  return type;
}

function find(req: SandboxRequest, portal: Portal) {
  const type = pipelineType(req, portal);
  const pipeline = portal.pipelines.get(type, req.params.pipelineId!);
  if (!pipeline) throw pipelineNotFound(req.params.pipelineId!);
  return { type, pipeline };
}

function findStage(req: SandboxRequest, portal: Portal) {
  const { type, pipeline } = find(req, portal);
  const stage = portal.pipelines.stages(pipeline).find((s) => s.id === req.params.stageId);
  // Message: UNVERIFIED.
  if (!stage)
    throw fail(
      404,
      `Unable to find stage ${req.params.stageId} in pipeline ${pipeline.id}`,
      'OBJECT_NOT_FOUND',
    );
  return { type, pipeline, stage };
}

/** Message: UNVERIFIED (HubSpot answers 404 for an unknown pipeline id). */
const pipelineNotFound = (id: string) => fail(404, `Unable to find pipeline ${id}`, 'OBJECT_NOT_FOUND');

/** A type keeps at least one pipeline, and a pipeline at least one stage (HubSpot's UI rule; API text UNVERIFIED). */
function archive(portal: Portal, type: ObjectTypeDef, pipeline: StoredPipeline): void {
  if (portal.pipelines.list(type).length <= 1) {
    throw validationError(
      `Pipeline ${pipeline.id} is the only ${type.singular.toLowerCase()} pipeline and cannot be deleted.`,
    );
  }
  portal.pipelines.archivePipeline(pipeline, portal.now());
}

function archiveStage(portal: Portal, pipeline: StoredPipeline, stage: StoredStage): void {
  if (portal.pipelines.stages(pipeline).length <= 1) {
    throw validationError(
      `Stage ${stage.id} is the only stage of pipeline ${pipeline.id} and cannot be deleted.`,
    );
  }
  Object.assign(stage, { archived: true, archivedAt: portal.now(), updatedAt: portal.now() });
}

/** Pipeline labels are unique per object type (409 as for other duplicate definitions; text UNVERIFIED). */
function refuseDuplicateLabel(portal: Portal, type: ObjectTypeDef, label: string, exceptId?: string): void {
  const clash = portal.pipelines.list(type).find((p) => p.label === label && p.id !== exceptId);
  if (clash) throw conflict(`A pipeline with label ${label} already exists (id ${clash.id}).`);
}

function pipelineInput(type: ObjectTypeDef, body: Record<string, unknown>) {
  if (!Array.isArray(body.stages) || body.stages.length === 0) {
    throw validationError('Invalid input JSON: stages must be a non-empty array.');
  }
  return {
    label: requiredLabel(body.label),
    displayOrder: displayOrder(body.displayOrder ?? 0),
    stages: body.stages.map((s, i) => stageInput(type, s as Record<string, unknown>, `stages[${i}]`)),
  };
}

function stageInput(
  type: ObjectTypeDef,
  raw: Record<string, unknown> | undefined,
  where: string,
): StageInput {
  if (!raw || typeof raw !== 'object')
    throw validationError(`Invalid input JSON: ${where} must be an object.`);
  return {
    label: requiredLabel(raw.label),
    displayOrder: displayOrder(raw.displayOrder ?? 0),
    metadata: stageMetadata(type, stringMap(raw.metadata ?? {})),
  };
}

/**
 * Deal stages need a probability between 0 and 1 and get `isClosed` from it when absent; ticket stages are OPEN or
 * CLOSED (`ticketState`, OPEN by default). https://developers.hubspot.com/docs/api/crm/pipelines
 */
function stageMetadata(type: ObjectTypeDef, metadata: Record<string, string>): Record<string, string> {
  if (type.objectTypeId === '0-3') {
    const probability = Number(metadata.probability);
    if (
      metadata.probability === undefined ||
      Number.isNaN(probability) ||
      probability < 0 ||
      probability > 1
    ) {
      throw validationError(
        'Deal stage metadata.probability is required and must be a number between 0.0 and 1.0.',
      );
    }
    return { isClosed: String(probability === 1 || probability === 0), ...metadata };
  }
  if (type.objectTypeId === '0-5') {
    const ticketState = metadata.ticketState ?? 'OPEN';
    if (ticketState !== 'OPEN' && ticketState !== 'CLOSED') {
      throw validationError(`Ticket stage metadata.ticketState must be OPEN or CLOSED, got ${ticketState}.`);
    }
    return { ...metadata, ticketState };
  }
  return metadata;
}

function stringMap(raw: unknown): Record<string, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw validationError('Invalid input JSON: metadata must be an object.');
  }
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
}

function requiredLabel(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw validationError('Invalid input JSON: label is required.');
  return value;
}

function displayOrder(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw validationError('Invalid input JSON: displayOrder must be an integer.');
  }
  return value;
}

const iso = (ms: number) => new Date(ms).toISOString();

function stageView(stage: StoredStage) {
  return {
    id: stage.id,
    label: stage.label,
    displayOrder: stage.displayOrder,
    metadata: stage.metadata,
    archived: stage.archived,
    ...(stage.archivedAt !== undefined ? { archivedAt: iso(stage.archivedAt) } : {}),
    createdAt: iso(stage.createdAt),
    updatedAt: iso(stage.updatedAt),
    writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
  };
}

function pipelineView(portal: Portal, pipeline: StoredPipeline) {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    stages: portal.pipelines.stages(pipeline).map(stageView),
    archived: pipeline.archived,
    ...(pipeline.archivedAt !== undefined ? { archivedAt: iso(pipeline.archivedAt) } : {}),
    createdAt: iso(pipeline.createdAt),
    updatedAt: iso(pipeline.updatedAt),
  };
}
