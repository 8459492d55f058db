import { validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { Portal } from '../portal';

/**
 * Where objects v3 meets the associations store (sandbox/state/associations.ts):
 * - inline `associations` on create (https://developers.hubspot.com/docs/api/crm/associations, "associate records on
 *   create"): each type id must be defined from this object type (HubSpot's or a label), which also names the target
 *   type; the target record must exist; then the store writes them both ways;
 * - `?associations=` on v3 reads: the store's `forRecordV3`, one entry per label;
 * - records that disappear for good (merge, GDPR delete) lose their associations; a merge moves them first.
 */

export interface AssociationSpec {
  associationCategory: string;
  associationTypeId: number;
}

export interface InlineAssociation {
  toId: string;
  toObjectTypeId: string;
  types: AssociationSpec[];
}

const CATEGORIES = new Set(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'WORK']);

/** Reads and checks the inline associations of one create input; throws HubSpot's 400 on a bad one. */
export function parseInlineAssociations(
  portal: Portal,
  type: ObjectTypeDef,
  raw: unknown,
): InlineAssociation[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: associations must be an array.');
  const invalidIds: string[] = [];
  const parsed = raw.map((item): InlineAssociation => {
    const toId = String((item as { to?: { id?: unknown } })?.to?.id ?? '');
    const types = (item as { types?: unknown })?.types;
    if (!/^\d+$/.test(toId) || !Array.isArray(types) || types.length === 0) {
      throw validationError('Invalid input JSON: each association needs to.id and at least one type.');
    }
    const specs = types.map(checkSpec);
    const toObjectTypeId = targetType(portal, type, specs);
    const target = portal.records.get(toObjectTypeId, toId);
    if (!target || target.archived) invalidIds.push(toId);
    return { toId, toObjectTypeId, types: specs };
  });
  if (invalidIds.length > 0) {
    throw validationError('One or more associations are invalid', {
      context: { INVALID_OBJECT_IDS: invalidIds },
    });
  }
  return parsed;
}

function checkSpec(raw: unknown): AssociationSpec {
  const spec = raw as Partial<AssociationSpec> | undefined;
  const category = spec?.associationCategory;
  const typeId = Number(spec?.associationTypeId);
  if (typeof category !== 'string' || !CATEGORIES.has(category) || !Number.isInteger(typeId)) {
    throw validationError(
      'Invalid input JSON: associationCategory must be one of HUBSPOT_DEFINED, USER_DEFINED, INTEGRATOR_DEFINED, WORK and associationTypeId an integer.',
    );
  }
  return { associationCategory: category, associationTypeId: typeId };
}

/** The one object type all specs of an association point at; a type id not defined from this object is refused. */
function targetType(portal: Portal, type: ObjectTypeDef, specs: AssociationSpec[]): string {
  let target: string | undefined;
  for (const spec of specs) {
    const def = portal.associations.definitionFrom(type.objectTypeId, spec.associationTypeId);
    if (!def || def.category !== spec.associationCategory || (target && def.toObjectTypeId !== target)) {
      throw validationError(
        `${spec.associationCategory} association type id ${spec.associationTypeId} does not exist from ${type.name}.`,
        { context: { associationTypeId: [String(spec.associationTypeId)] } },
      );
    }
    target = def.toObjectTypeId;
  }
  return target!;
}

export function storeInlineAssociations(
  portal: Portal,
  type: ObjectTypeDef,
  fromId: string,
  associations: InlineAssociation[],
): void {
  for (const a of associations)
    portal.associations.associate(type.objectTypeId, fromId, a.toObjectTypeId, a.toId, a.types);
}

/** `associations` of a v3 read, keyed by the requested type names; undefined when there are none. */
export function associationsForRecord(
  portal: Portal,
  type: ObjectTypeDef,
  id: string,
  toTypes: readonly string[],
): Record<string, { results: Array<{ id: string; type: string }> }> | undefined {
  const out: Record<string, { results: Array<{ id: string; type: string }> }> = {};
  for (const name of toTypes) {
    const toType = portal.objectTypes.find(name);
    if (!toType) continue;
    const results = portal.associations.forRecordV3(type.objectTypeId, id, toType.objectTypeId);
    if (results.length > 0) out[name] = { results };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Gives the survivor of a merge every association of the merged-away record, then drops the latter's. */
export function moveAssociations(portal: Portal, objectTypeId: string, fromId: string, toId: string): void {
  const store = portal.associations;
  for (const other of store.recordsAssociatedTo(objectTypeId, fromId)) {
    if (other.objectTypeId === objectTypeId && other.id === toId) continue;
    const types = store.typesBetween(objectTypeId, fromId, other.objectTypeId, other.id);
    for (const [typeId, category] of types ?? []) {
      store.add(objectTypeId, toId, other.objectTypeId, other.id, typeId, category);
    }
  }
  store.removeAllFor(objectTypeId, fromId);
}
