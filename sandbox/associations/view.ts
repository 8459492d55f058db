import { type ErrorDetail, fail, validationError } from '../errors';
import { BATCH, PAGING } from '../facts/limits';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { SandboxRequest } from '../http';
import type { Portal } from '../portal';
import { compareIds } from '../search/read';
import type { AssociationCategory, EdgeTypes } from '../state/associations';

/**
 * Shapes and checks shared by the associations v4 routes (`sandbox/routes/associations.ts`).
 * https://developers.hubspot.com/docs/api/crm/associations/v4
 */

export interface AssociationSpecWithLabel {
  category: AssociationCategory;
  typeId: number;
  label: string | null;
}

export interface AssociatedObject {
  toObjectId: string;
  associationTypes: AssociationSpecWithLabel[];
}

export interface AssociationPage {
  results: AssociatedObject[];
  paging?: { next: { after: string; link?: string } };
}

/** The type ids between two records with their categories and labels: unlabelled first, then by type id. */
export function labelledTypes(
  portal: Portal,
  from: string,
  to: string,
  types: EdgeTypes,
): AssociationSpecWithLabel[] {
  return [...types]
    .map(([typeId, category]) => ({
      category,
      typeId,
      label: portal.associations.definition(from, to, typeId)?.label ?? null,
    }))
    .sort((a, b) => Number(a.label !== null) - Number(b.label !== null) || a.typeId - b.typeId);
}

/**
 * One page of a record's associations to one type, grouped per target record, in id order. `after` is the last
 * target id of the previous page (HubSpot's cursor is opaque; this one is just readable).
 */
export function associationPage(
  portal: Portal,
  from: ObjectTypeDef,
  fromId: string,
  to: ObjectTypeDef,
  after: string | undefined,
  limit: number,
  linkBase?: string,
): AssociationPage {
  const targets = portal.associations.targets(from.objectTypeId, fromId, to.objectTypeId);
  const ids = [...targets.keys()]
    .filter((id) => after === undefined || compareIds(id, after) > 0)
    .sort(compareIds);
  const page = ids.slice(0, limit);
  const results = page.map((toId) => ({
    toObjectId: toId,
    associationTypes: labelledTypes(portal, from.objectTypeId, to.objectTypeId, targets.get(toId)!),
  }));
  if (ids.length <= limit) return { results };
  const next = page[page.length - 1]!;
  return {
    results,
    paging: { next: { after: next, ...(linkBase ? { link: `${linkBase}?after=${next}` } : {}) } },
  };
}

/** A record that exists and is not archived. */
export function liveRecordExists(portal: Portal, type: ObjectTypeDef, id: string): boolean {
  const record = portal.records.get(type.objectTypeId, id);
  return record !== undefined && !record.archived;
}

/**
 * The 404 of a single-record association write whose record is missing. Message and category: UNVERIFIED
 * (HubSpot answers 404 here; the exact text was not captured).
 */
export const recordNotFound = (type: ObjectTypeDef, id: string) =>
  fail(404, `No ${type.singular.toLowerCase()} with id ${id} exists.`, 'OBJECT_NOT_FOUND', {
    context: { objectType: [type.objectTypeId], id: [id] },
  });

/** Reads a batch's `inputs`, refusing a missing array and more than 1,000 inputs (BATCH.maxAssociationInputs). */
export function batchInputs(req: SandboxRequest): unknown[] {
  const inputs = (req.body as { inputs?: unknown } | undefined)?.inputs;
  if (!Array.isArray(inputs))
    throw validationError('Invalid input JSON: expected an object with an inputs array.');
  if (inputs.length > BATCH.maxAssociationInputs) {
    // Message: UNVERIFIED; the 1,000 limit is documented (hubspot-api.md §4.2).
    throw validationError(
      `Too many inputs: ${inputs.length}. Batch association requests accept at most ${BATCH.maxAssociationInputs} inputs.`,
      { context: { limit: [String(BATCH.maxAssociationInputs)] } },
    );
  }
  return inputs;
}

/** `{id}` objects as HubSpot's batch inputs carry them (`from`, `to`); ids are digit strings. */
export function objectId(value: unknown, field: string): string {
  const id = (value as { id?: unknown } | undefined)?.id;
  if ((typeof id === 'string' && /^\d+$/.test(id)) || (typeof id === 'number' && Number.isInteger(id))) {
    return String(id);
  }
  throw validationError(`Invalid input JSON: ${field}.id must be a numeric record id.`);
}

export interface AssociationSpec {
  associationCategory: AssociationCategory;
  associationTypeId: number;
}

const CATEGORIES: readonly string[] = ['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'];

/** Reads `[{associationCategory, associationTypeId}]`, at least one. */
export function associationSpecs(raw: unknown): AssociationSpec[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw validationError(
      'Invalid input JSON: expected a non-empty array of {associationCategory, associationTypeId}.',
    );
  }
  return raw.map((item) => {
    const spec = item as Partial<AssociationSpec> | undefined;
    if (
      !CATEGORIES.includes(String(spec?.associationCategory)) ||
      !Number.isInteger(spec?.associationTypeId)
    ) {
      throw validationError(
        `Invalid input JSON: associationCategory must be one of ${CATEGORIES.join(', ')} and associationTypeId an integer.`,
      );
    }
    return { associationCategory: spec!.associationCategory!, associationTypeId: spec!.associationTypeId! };
  });
}

/** Throws HubSpot's 400 naming the first type id that is not defined for the pair. */
export function requireTypes(
  portal: Portal,
  from: ObjectTypeDef,
  to: ObjectTypeDef,
  specs: AssociationSpec[],
): void {
  const message = portal.associations.invalidTypeMessage(from.objectTypeId, to.objectTypeId, specs);
  if (message)
    throw validationError(message, {
      context: { associationTypeId: specs.map((s) => String(s.associationTypeId)) },
    });
}

/** One per-input error of a 207, in the `StandardError` shape the SDK parses. */
export function standardError(
  message: string,
  category: string,
  context: Record<string, string[]>,
  subCategory?: string,
) {
  const errors: ErrorDetail[] = [];
  return {
    status: 'error',
    category,
    ...(subCategory ? { subCategory } : {}),
    message,
    context,
    errors,
    links: {},
  };
}

/** Batch envelope: `COMPLETE`, timestamps, and `numErrors`/`errors` when some inputs failed. */
export function batchResponse(portal: Portal, startedAt: number, results: unknown[], errors: unknown[] = []) {
  return {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(portal.now()).toISOString(),
  };
}

/** `limit` of the v4 association reads: default and maximum 500. */
export const associationLimit = (req: SandboxRequest) =>
  req.query.int('limit', { fallback: PAGING.maxAssociationsLimit, min: 1, max: PAGING.maxAssociationsLimit });

/** Scopes of association endpoints: those of the `from` object type (hubspot-api.md §4). */
export function fromTypeScopes(access: 'read' | 'write') {
  return (req: SandboxRequest, portal: Portal): readonly string[] => {
    const type = portal.objectTypes.find(req.params.fromType ?? req.params.objectType ?? '');
    if (!type) return [];
    return access === 'read' ? type.readScopes : type.writeScopes;
  };
}
