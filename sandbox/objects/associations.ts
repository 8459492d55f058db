import { HUBSPOT_DEFINED_ASSOCIATION_TYPES } from '../../hubspot/associationTypes';
import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import { validationError } from '../errors';
import type { Portal } from '../portal';

/**
 * Where objects v3 meets the associations store (written by the associations work):
 * - inline `associations` on create (https://developers.hubspot.com/docs/api/crm/associations, "associate records on
 *   create"): checked here, then handed to the store's `associate(fromObjectTypeId, fromId, toObjectTypeId, toId,
 *   types)` when it offers one;
 * - `?associations=` on reads: answered by the store's `forRecordV3(fromObjectTypeId, fromId, toObjectTypeId)` when
 *   it offers one (`[{id, type}]`, one entry per label), and left out of the answer otherwise.
 */

export interface AssociationSpec {
  associationCategory: string;
  associationTypeId: number;
}

export interface InlineAssociation {
  toId: string;
  /** Known for HubSpot-defined type ids; undefined for labels this module cannot place. */
  toObjectTypeId?: string;
  types: AssociationSpec[];
}

interface AssociationStoreHooks {
  associate?(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
    toId: string,
    types: AssociationSpec[],
  ): void;
  forRecordV3?(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
  ): Array<{ id: string; type: string }>;
}

const hooks = (portal: Portal) => portal.associations as unknown as AssociationStoreHooks;

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
    const specs = types.map((t) => checkSpec(t));
    const toObjectTypeId = targetType(portal, type, specs);
    if (toObjectTypeId) {
      const target = portal.records.get(toObjectTypeId, toId);
      if (!target || target.archived) invalidIds.push(toId);
    }
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

/** The target type of HubSpot-defined type ids; an id that does not start from this object is refused. */
function targetType(portal: Portal, type: ObjectTypeDef, specs: AssociationSpec[]): string | undefined {
  for (const spec of specs) {
    if (spec.associationCategory !== 'HUBSPOT_DEFINED') continue;
    const def = HUBSPOT_DEFINED_ASSOCIATION_TYPES.find(
      (t) => t.typeId === spec.associationTypeId && t.from === type.name,
    );
    if (!def) {
      throw validationError(
        `association type id ${spec.associationTypeId} is not a HUBSPOT_DEFINED type from ${type.name}`,
      );
    }
    return portal.objectTypes.find(def.to)?.objectTypeId;
  }
  return undefined;
}

/** Stores checked inline associations through the associations store, when it offers `associate`. */
export function storeInlineAssociations(
  portal: Portal,
  type: ObjectTypeDef,
  fromId: string,
  associations: InlineAssociation[],
): void {
  const store = hooks(portal);
  if (typeof store.associate !== 'function') return;
  for (const a of associations) {
    if (a.toObjectTypeId) store.associate(type.objectTypeId, fromId, a.toObjectTypeId, a.toId, a.types);
  }
}

/** `associations` of a v3 read, keyed by the requested type names; undefined when there is nothing to say. */
export function associationsForRecord(
  portal: Portal,
  type: ObjectTypeDef,
  id: string,
  toTypes: readonly string[],
): Record<string, { results: Array<{ id: string; type: string }> }> | undefined {
  const store = hooks(portal);
  if (toTypes.length === 0 || typeof store.forRecordV3 !== 'function') return undefined;
  const out: Record<string, { results: Array<{ id: string; type: string }> }> = {};
  for (const name of toTypes) {
    const toType = portal.objectTypes.find(name);
    if (!toType) continue;
    const results = store.forRecordV3(type.objectTypeId, id, toType.objectTypeId);
    if (results.length > 0) out[name] = { results };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
