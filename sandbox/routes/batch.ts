import { validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import type { SandboxRecord } from '../model';
import { batchAnswer, batchInputs, prepareAll, type StandardError, traceIdOf } from '../objects/batch';
import { checkIdProperty, findByIdProperty, findRecord, requireRecord } from '../objects/lookup';
import { shapeRecord } from '../objects/read';
import { archivedQuery, objectTypeOf, readScopes, stringList, writeScopes } from '../objects/request';
import {
  archiveRecord,
  type BatchClaims,
  commitCreate,
  commitUpdate,
  type PreparedCreate,
  type PreparedUpdate,
  prepareCreate,
  prepareUpdate,
  sourceOf,
} from '../objects/write';
import type { Portal } from '../portal';
import type { Router } from '../router';

/**
 * Object batch endpoints: read, create, update, upsert, archive, at most 100 inputs each.
 * https://developers.hubspot.com/docs/api/crm/understanding-the-crm (batch) and ../objects/batch.ts for the rules.
 */
export function batchRoutes(router: Router): void {
  const base = '/crm/v3/objects/:objectType/batch';
  const read = { scopes: readScopes };
  const write = { scopes: writeScopes };

  router.post(`${base}/read`, read, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const startedAt = portal.now();
    const body = objectBody(req);
    const idProperty =
      typeof body.idProperty === 'string' && body.idProperty !== '' ? body.idProperty : undefined;
    if (idProperty) checkIdProperty(portal, type, idProperty);
    const archived = archivedQuery(req);
    const options = {
      properties: stringList(body.properties),
      propertiesWithHistory: stringList(body.propertiesWithHistory),
    };
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const input of batchInputs(body)) {
      const id = String(input.id ?? '');
      const record = findRecord(portal, type, id, { idProperty, archived });
      if (record) results.push(shapeRecord(portal, type, record, options));
      else missing.push(id);
    }
    const errors: StandardError[] = missing.length
      ? [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
            context: { ids: missing },
            errors: [],
            links: {},
          },
        ]
      : [];
    const answer = batchAnswer(portal, startedAt, results, errors, 200);
    return json(answer.status, answer.body);
  });

  router.post(`${base}/create`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const startedAt = portal.now();
    const claims: BatchClaims = new Map();
    const { prepared, errors } = prepareAll(batchInputs(objectBody(req)), (input) =>
      prepareCreate(portal, type, input, claims),
    );
    const results = prepared.map(({ input, value }) => {
      const record = commitCreate(portal, type, value, sourceOf(req.auth));
      return shapeWritten(portal, type, record, input);
    });
    const answer = batchAnswer(portal, startedAt, results, errors, 201);
    return json(answer.status, answer.body);
  });

  router.post(`${base}/update`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const startedAt = portal.now();
    const claims: BatchClaims = new Map();
    const { prepared, errors } = prepareAll(batchInputs(objectBody(req)), (input) => {
      const idProperty = typeof input.idProperty === 'string' ? input.idProperty : undefined;
      const record = requireRecord(portal, type, String(input.id ?? ''), { idProperty });
      return prepareUpdate(portal, type, record, input, claims);
    });
    const results = prepared.map(({ input, value }) =>
      shapeWritten(portal, type, commitLatest(portal, type, value, req), input),
    );
    const answer = batchAnswer(portal, startedAt, results, errors, 200);
    return json(answer.status, answer.body);
  });

  // https://developers.hubspot.com/docs/api-reference/latest/crm/objects/custom-objects/batch/upsert-custom-objects
  router.post(`${base}/upsert`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const startedAt = portal.now();
    const claims: BatchClaims = new Map();
    type Upsert = { create: PreparedCreate } | { update: PreparedUpdate };
    const { prepared, errors } = prepareAll(batchInputs(objectBody(req)), (input): Upsert => {
      const idProperty = typeof input.idProperty === 'string' ? input.idProperty : '';
      if (idProperty === '' || idProperty === 'hs_object_id') {
        throw validationError('Upsert needs an idProperty holding a unique value (not hs_object_id).', {
          context: { idProperty: [idProperty] },
        });
      }
      checkIdProperty(portal, type, idProperty);
      const value = String(input.id ?? '');
      // Every upsert input names the value it is matched on; without one HubSpot cannot match or create it.
      if (value.trim() === '') {
        throw validationError(`Upsert input needs an id: the value of ${idProperty} to match on.`, {
          context: { id: [value] },
        });
      }
      const existing = findByIdProperty(portal, type, idProperty, value);
      if (existing) return { update: prepareUpdate(portal, type, existing, input, claims) };
      const properties = { ...((input.properties as Record<string, unknown>) ?? {}), [idProperty]: value };
      return { create: prepareCreate(portal, type, { ...input, properties }, claims) };
    });
    const results = prepared.map(({ input, value }) => {
      const isNew = 'create' in value;
      const record =
        'create' in value
          ? commitCreate(portal, type, value.create, sourceOf(req.auth))
          : commitLatest(portal, type, value.update, req);
      return { ...shapeWritten(portal, type, record, input), new: isNew };
    });
    const answer = batchAnswer(portal, startedAt, results, errors, 200);
    return json(answer.status, answer.body);
  });

  router.post(`${base}/archive`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const inputs = batchInputs(objectBody(req));
    for (const input of inputs) {
      const record = portal.records.get(type.objectTypeId, String(input.id ?? ''));
      if (record) archiveRecord(portal, record);
    }
    return noContent();
  });
}

/** Commits an update on the record as it is now, so two inputs naming one record both apply. */
function commitLatest(
  portal: Portal,
  type: ObjectTypeDef,
  prepared: PreparedUpdate,
  req: SandboxRequest,
): SandboxRecord {
  const current = portal.records.get(type.objectTypeId, prepared.record.id) ?? prepared.record;
  return commitUpdate(portal, type, { ...prepared, record: current }, sourceOf(req.auth));
}

function shapeWritten(
  portal: Portal,
  type: ObjectTypeDef,
  record: SandboxRecord,
  input: Record<string, unknown>,
) {
  const written = Object.keys((input.properties as Record<string, unknown> | undefined) ?? {});
  const shaped = shapeRecord(portal, type, record, { written, omitUnset: true });
  const traceId = traceIdOf(input);
  return traceId ? { ...shaped, objectWriteTraceId: traceId } : shaped;
}
