import { labelRoutes } from '../associations/labels';
import {
  associationLimit,
  associationPage,
  associationSpecs,
  batchInputs,
  batchResponse,
  fromTypeScopes,
  labelledTypes,
  liveRecordExists,
  objectId,
  recordNotFound,
  requireTypes,
  standardError,
} from '../associations/view';
import { validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import { json, noContent } from '../http';
import type { Portal } from '../portal';
import type { Router } from '../router';

/**
 * Associations v4: records, batches and labels. https://developers.hubspot.com/docs/api/crm/associations/v4
 * Success statuses are the ones `@hubspot/api-client` 14 accepts (the status each endpoint method of the client checks for).
 */
export function associationRoutes(router: Router): void {
  const read = { scopes: fromTypeScopes('read') };
  const write = { scopes: fromTypeScopes('write') };
  const types = (portal: Portal, params: Record<string, string>) => ({
    from: portal.objectTypes.resolve(params.fromType!),
    to: portal.objectTypes.resolve(params.toType!),
  });

  router.put('/crm/v4/objects/:fromType/:fromId/associations/default/:toType/:toId', write, (req, portal) => {
    const startedAt = portal.now();
    const { from, to } = types(portal, req.params);
    const { fromId, toId } = req.params as { fromId: string; toId: string };
    requireRecords(portal, from, fromId, to, toId);
    return json(200, batchResponse(portal, startedAt, defaultPairResults(portal, from, fromId, to, toId)));
  });

  router.put('/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId', write, (req, portal) => {
    const { from, to } = types(portal, req.params);
    const { fromId, toId } = req.params as { fromId: string; toId: string };
    const specs = associationSpecs(req.body);
    requireTypes(portal, from, to, specs);
    requireRecords(portal, from, fromId, to, toId);
    portal.associations.associate(from.objectTypeId, fromId, to.objectTypeId, toId, specs);
    return json(201, labelsBetween(portal, from, fromId, to, toId));
  });

  router.get('/crm/v4/objects/:fromType/:fromId/associations/:toType', read, (req, portal) => {
    const { from, to } = types(portal, req.params);
    const link = `${req.rawPath}`;
    // A record that does not exist simply has no associations (HubSpot: UNVERIFIED whether it answers 404).
    return json(
      200,
      associationPage(
        portal,
        from,
        req.params.fromId!,
        to,
        req.query.get('after'),
        associationLimit(req),
        link,
      ),
    );
  });

  router.delete('/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId', write, (req, portal) => {
    const { from, to } = types(portal, req.params);
    portal.associations.remove(from.objectTypeId, req.params.fromId!, to.objectTypeId, req.params.toId!);
    return noContent();
  });

  router.post('/crm/v4/associations/:fromType/:toType/batch/associate/default', write, (req, portal) => {
    const startedAt = portal.now();
    const { from, to } = types(portal, req.params);
    const pairs = batchInputs(req).map((input, i) => ({
      fromId: objectId((input as { from?: unknown })?.from, `inputs[${i}].from`),
      toId: objectId((input as { to?: unknown })?.to, `inputs[${i}].to`),
    }));
    // The SDK accepts only 200 here, so a missing record refuses the whole batch before anything is written.
    const missing = missingRecords(portal, from, to, pairs);
    if (missing.length > 0) throw invalidAssociations(missing);
    const results = pairs.flatMap((p) => defaultPairResults(portal, from, p.fromId, to, p.toId));
    return json(200, batchResponse(portal, startedAt, results));
  });

  router.post('/crm/v4/associations/:fromType/:toType/batch/create', write, (req, portal) => {
    const startedAt = portal.now();
    const { from, to } = types(portal, req.params);
    const inputs = labelledInputs(portal, from, to, batchInputs(req));
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const input of inputs) {
      const missing = missingRecords(portal, from, to, [input]);
      if (missing.length > 0) {
        errors.push(invalidAssociationsError(missing));
        continue;
      }
      portal.associations.associate(
        from.objectTypeId,
        input.fromId,
        to.objectTypeId,
        input.toId,
        input.specs,
      );
      results.push(labelsBetween(portal, from, input.fromId, to, input.toId));
    }
    return json(errors.length > 0 ? 207 : 201, batchResponse(portal, startedAt, results, errors));
  });

  router.post('/crm/v4/associations/:fromType/:toType/batch/read', read, (req, portal) => {
    const startedAt = portal.now();
    const { from, to } = types(portal, req.params);
    const results: unknown[] = [];
    const errors: unknown[] = [];
    batchInputs(req).forEach((input, i) => {
      const id = objectId(input, `inputs[${i}]`);
      const after = (input as { after?: unknown }).after;
      const page = associationPage(portal, from, id, to, typeof after === 'string' ? after : undefined, 500);
      if (page.results.length === 0) {
        // HubSpot reports ids without associations (unknown ids included) as per-input errors.
        errors.push(
          standardError(
            `No ${to.singular.toLowerCase()} is associated with ${from.singular.toLowerCase()} ${id}.`,
            'OBJECT_NOT_FOUND',
            { fromObjectId: [id], toObjectType: [to.name] },
            'crm.associations.NO_ASSOCIATIONS_FOUND',
          ),
        );
        return;
      }
      results.push({ from: { id }, to: page.results, ...(page.paging ? { paging: page.paging } : {}) });
    });
    return json(errors.length > 0 ? 207 : 200, batchResponse(portal, startedAt, results, errors));
  });

  router.post('/crm/v4/associations/:fromType/:toType/batch/archive', write, (req, portal) => {
    const { from, to } = types(portal, req.params);
    const inputs = batchInputs(req).map((input, i) => {
      const item = input as { from?: unknown; to?: unknown };
      if (!Array.isArray(item?.to))
        throw validationError(`Invalid input JSON: inputs[${i}].to must be an array.`);
      return {
        fromId: objectId(item.from, `inputs[${i}].from`),
        toIds: item.to.map((t, j) => objectId(t, `inputs[${i}].to[${j}]`)),
      };
    });
    for (const { fromId, toIds } of inputs) {
      for (const toId of toIds) portal.associations.remove(from.objectTypeId, fromId, to.objectTypeId, toId);
    }
    return noContent();
  });

  router.post('/crm/v4/associations/:fromType/:toType/batch/labels/archive', write, (req, portal) => {
    const { from, to } = types(portal, req.params);
    const defaultTypeId = portal.associations.defaultDefinition(from.objectTypeId, to.objectTypeId).typeId;
    const inputs = labelledInputs(portal, from, to, batchInputs(req));
    for (const { fromId, toId, specs } of inputs) {
      const typeIds = specs.map((s) => s.associationTypeId);
      // Removing the unlabelled type removes the association altogether, labels included (hubspot-api.md §4.2).
      const all = typeIds.includes(defaultTypeId);
      portal.associations.remove(from.objectTypeId, fromId, to.objectTypeId, toId, all ? undefined : typeIds);
    }
    return noContent();
  });

  labelRoutes(router, '/crm/v4/associations/:fromType/:toType/labels');
  labelRoutes(router, '/crm/associations/v4/:fromType/:toType/labels');
}

function requireRecords(
  portal: Portal,
  from: ObjectTypeDef,
  fromId: string,
  to: ObjectTypeDef,
  toId: string,
): void {
  if (!liveRecordExists(portal, from, fromId)) throw recordNotFound(from, fromId);
  if (!liveRecordExists(portal, to, toId)) throw recordNotFound(to, toId);
}

/** Batch inputs `{from:{id}, to:{id}, types:[...]}`; a type id not defined for the pair refuses the whole batch. */
function labelledInputs(portal: Portal, from: ObjectTypeDef, to: ObjectTypeDef, inputs: unknown[]) {
  return inputs.map((input, i) => {
    const item = input as { from?: unknown; to?: unknown; types?: unknown };
    const specs = associationSpecs(item?.types);
    requireTypes(portal, from, to, specs);
    return {
      fromId: objectId(item?.from, `inputs[${i}].from`),
      toId: objectId(item?.to, `inputs[${i}].to`),
      specs,
    };
  });
}

interface Pair {
  fromId: string;
  toId: string;
}

function missingRecords(portal: Portal, from: ObjectTypeDef, to: ObjectTypeDef, pairs: Pair[]): string[] {
  const missing = new Set<string>();
  for (const { fromId, toId } of pairs) {
    if (!liveRecordExists(portal, from, fromId)) missing.add(fromId);
    if (!liveRecordExists(portal, to, toId)) missing.add(toId);
  }
  return [...missing];
}

/** HubSpot's 400 for associations to records that do not exist (hubspot-api.md §4.1; exact text UNVERIFIED). */
const INVALID_ASSOCIATIONS = 'One or more associations are invalid';

const invalidAssociations = (ids: string[]) =>
  validationError(INVALID_ASSOCIATIONS, { context: { INVALID_OBJECT_IDS: ids } });

const invalidAssociationsError = (ids: string[]) =>
  standardError(INVALID_ASSOCIATIONS, 'VALIDATION_ERROR', { INVALID_OBJECT_IDS: ids });

/** Writes the default association and answers both directions, as `BatchResponsePublicDefaultAssociation` lists them. */
function defaultPairResults(
  portal: Portal,
  from: ObjectTypeDef,
  fromId: string,
  to: ObjectTypeDef,
  toId: string,
) {
  const def = portal.associations.addDefault(from.objectTypeId, fromId, to.objectTypeId, toId);
  const spec = (typeId: number) => ({ associationCategory: def.category, associationTypeId: typeId });
  return [
    { from: { id: fromId }, to: { id: toId }, associationSpec: spec(def.typeId) },
    { from: { id: toId }, to: { id: fromId }, associationSpec: spec(def.inverseTypeId) },
  ];
}

/** `LabelsBetweenObjectPair`: the labels now between two records (the unlabelled type has none). */
function labelsBetween(portal: Portal, from: ObjectTypeDef, fromId: string, to: ObjectTypeDef, toId: string) {
  const types =
    portal.associations.typesBetween(from.objectTypeId, fromId, to.objectTypeId, toId) ?? new Map();
  return {
    fromObjectTypeId: from.objectTypeId,
    fromObjectId: fromId,
    toObjectTypeId: to.objectTypeId,
    toObjectId: toId,
    labels: labelledTypes(portal, from.objectTypeId, to.objectTypeId, types)
      .map((t) => t.label)
      .filter((l): l is string => l !== null),
  };
}
