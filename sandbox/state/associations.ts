import { HUBSPOT_DEFINED_ASSOCIATION_TYPES } from '../facts/associationTypes';
import { findStandardObjectType } from '../facts/objectTypes';

/**
 * Associations v4 between records, and the association type definitions (labels) per pair of object types.
 * https://developers.hubspot.com/docs/api/crm/associations/v4
 *
 * Every edge is stored in both directions: writing contact → company 279 also writes company → contact 280, so a
 * read from either side, search's `associations.{type}` filter and purges never have to scan.
 * Ids here are objectTypeIds (`0-1`), never path names; the routes resolve names first.
 */

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationDefinition {
  fromObjectTypeId: string;
  toObjectTypeId: string;
  typeId: number;
  /** The same association read from the other side. */
  inverseTypeId: number;
  category: AssociationCategory;
  /** `null` for an unlabelled (default) type. */
  label: string | null;
  /** Internal name of a user-defined label (`manager`). */
  name?: string;
}

export interface AssociationEdge {
  fromObjectTypeId: string;
  fromId: string;
  toObjectTypeId: string;
  toId: string;
  typeId: number;
  category: AssociationCategory;
}

/** typeId → category, for the types between one ordered pair of records. */
export type EdgeTypes = Map<number, AssociationCategory>;

/** toObjectTypeId → toId → types. */
type Neighbours = Map<string, Map<string, EdgeTypes>>;

/**
 * User-defined type ids start here, far above HubSpot's own ids (which stay below 1,000 in the public table).
 * HubSpot's real user-defined ids are portal-specific; the figure is the sandbox's choice.
 */
export const FIRST_USER_DEFINED_TYPE_ID = 1000;

const pairKey = (fromObjectTypeId: string, toObjectTypeId: string) => `${fromObjectTypeId}>${toObjectTypeId}`;
const nodeKey = (objectTypeId: string, id: string) => `${objectTypeId}:${id}`;

/** HubSpot's own definitions, keyed by pair, from the sandbox's own table (facts/associationTypes.ts). */
function hubspotDefinitions(): Map<string, AssociationDefinition[]> {
  const byPair = new Map<string, AssociationDefinition[]>();
  for (const t of HUBSPOT_DEFINED_ASSOCIATION_TYPES) {
    const from = findStandardObjectType(t.from);
    const to = findStandardObjectType(t.to);
    // Types whose objects the sandbox does not model (quotes) are left out.
    if (!from || !to) continue;
    const key = pairKey(from.objectTypeId, to.objectTypeId);
    const list = byPair.get(key) ?? [];
    list.push({
      fromObjectTypeId: from.objectTypeId,
      toObjectTypeId: to.objectTypeId,
      typeId: t.typeId,
      inverseTypeId: t.inverseTypeId,
      category: 'HUBSPOT_DEFINED',
      label: t.label,
    });
    byPair.set(key, list);
  }
  return byPair;
}

const HUBSPOT_DEFINITIONS = hubspotDefinitions();
const definitionKey = (d: AssociationDefinition) =>
  `${pairKey(d.fromObjectTypeId, d.toObjectTypeId)}#${d.typeId}`;
/** The same definitions by pair and type id: `add` looks one up per edge, so seeding stays a map read. */
const HUBSPOT_BY_TYPE = new Map([...HUBSPOT_DEFINITIONS.values()].flat().map((d) => [definitionKey(d), d]));

export interface LabelInput {
  name: string;
  label: string;
  inverseLabel?: string;
}

/** One association added or removed, seen from one side (each change is announced from both sides). */
export interface AssociationChange {
  fromObjectTypeId: string;
  fromId: string;
  toObjectTypeId: string;
  toId: string;
  typeId: number;
  removed: boolean;
}

export type AssociationListener = (change: AssociationChange) => void;

export class AssociationStore {
  private readonly graph = new Map<string, Neighbours>();
  private readonly listeners: AssociationListener[] = [];
  /** User-defined definitions (labels, and default types for pairs HubSpot defines none for), by pair. */
  private readonly userDefinitions = new Map<string, AssociationDefinition[]>();
  private readonly userByType = new Map<string, AssociationDefinition>();
  private nextTypeId = FIRST_USER_DEFINED_TYPE_ID;
  private edgeCount = 0;

  // ---- definitions -------------------------------------------------------------------------------------------

  /** Every type defined from one object type to another: HubSpot's, then user-defined ones in creation order. */
  definitions(fromObjectTypeId: string, toObjectTypeId: string): AssociationDefinition[] {
    const key = pairKey(fromObjectTypeId, toObjectTypeId);
    return [...(HUBSPOT_DEFINITIONS.get(key) ?? []), ...(this.userDefinitions.get(key) ?? [])];
  }

  definition(
    fromObjectTypeId: string,
    toObjectTypeId: string,
    typeId: number,
  ): AssociationDefinition | undefined {
    const key = `${pairKey(fromObjectTypeId, toObjectTypeId)}#${typeId}`;
    return HUBSPOT_BY_TYPE.get(key) ?? this.userByType.get(key);
  }

  /**
   * The unlabelled type for a pair. HubSpot defines one for its standard pairs; for any other pair (custom objects,
   * products, ...) the sandbox creates a USER_DEFINED unlabelled type on first use, as a schema association would.
   */
  defaultDefinition(fromObjectTypeId: string, toObjectTypeId: string): AssociationDefinition {
    const existing = this.definitions(fromObjectTypeId, toObjectTypeId).find((d) => d.label === null);
    if (existing) return existing;
    return this.definePair(fromObjectTypeId, toObjectTypeId, 'USER_DEFINED', null, null)[0];
  }

  /** Creates a user-defined label and its inverse. Returns [forward, inverse] (the same one for a symmetric label). */
  createLabel(fromObjectTypeId: string, toObjectTypeId: string, input: LabelInput): AssociationDefinition[] {
    const defs = this.definePair(
      fromObjectTypeId,
      toObjectTypeId,
      'USER_DEFINED',
      input.label,
      input.inverseLabel ?? null,
      input.name,
    );
    return defs[0] === defs[1] ? [defs[0]] : defs;
  }

  /** Renames a user-defined label (and its inverse when given). */
  updateLabel(
    fromObjectTypeId: string,
    toObjectTypeId: string,
    typeId: number,
    label: string,
    inverseLabel?: string,
  ): void {
    const def = this.userDefinition(fromObjectTypeId, toObjectTypeId, typeId);
    if (!def) return;
    def.label = label;
    if (inverseLabel !== undefined && def.inverseTypeId !== def.typeId) {
      const inverse = this.userDefinition(toObjectTypeId, fromObjectTypeId, def.inverseTypeId);
      if (inverse) inverse.label = inverseLabel;
    }
  }

  /** Deletes a user-defined label, its inverse, and every association that used them. */
  deleteLabel(fromObjectTypeId: string, toObjectTypeId: string, typeId: number): void {
    const def = this.userDefinition(fromObjectTypeId, toObjectTypeId, typeId);
    if (!def) return;
    for (const [fromId, node] of this.nodesOfType(fromObjectTypeId)) {
      for (const toId of [...(node.get(toObjectTypeId)?.keys() ?? [])]) {
        this.remove(fromObjectTypeId, fromId, toObjectTypeId, toId, [typeId]);
      }
    }
    this.dropDefinition(fromObjectTypeId, toObjectTypeId, typeId);
    this.dropDefinition(toObjectTypeId, fromObjectTypeId, def.inverseTypeId);
  }

  /** The definition of a type id going out of one object type, whatever the target type (inline associations). */
  definitionFrom(fromObjectTypeId: string, typeId: number): AssociationDefinition | undefined {
    const prefix = `${fromObjectTypeId}>`;
    for (const source of [HUBSPOT_DEFINITIONS, this.userDefinitions]) {
      for (const [key, defs] of source) {
        if (!key.startsWith(prefix)) continue;
        const def = defs.find((d) => d.typeId === typeId);
        if (def) return def;
      }
    }
    return undefined;
  }

  /** A user-defined (label or default) definition, or undefined for HubSpot's own and unknown ones. */
  userDefinition(
    fromObjectTypeId: string,
    toObjectTypeId: string,
    typeId: number,
  ): AssociationDefinition | undefined {
    return this.userByType.get(`${pairKey(fromObjectTypeId, toObjectTypeId)}#${typeId}`);
  }

  private definePair(
    from: string,
    to: string,
    category: AssociationCategory,
    label: string | null,
    inverseLabel: string | null,
    name?: string,
  ): [AssociationDefinition, AssociationDefinition] {
    const typeId = this.nextTypeId++;
    // A same-type label without a distinct inverse reads the same from both sides, with one id (like 449).
    const symmetric = from === to && (inverseLabel === null || inverseLabel === label);
    const inverseTypeId = symmetric ? typeId : this.nextTypeId++;
    const forward: AssociationDefinition = {
      fromObjectTypeId: from,
      toObjectTypeId: to,
      typeId,
      inverseTypeId,
      category,
      label,
      ...(name !== undefined ? { name } : {}),
    };
    this.pushDefinition(forward);
    if (symmetric) return [forward, forward];
    const inverse: AssociationDefinition = {
      fromObjectTypeId: to,
      toObjectTypeId: from,
      typeId: inverseTypeId,
      inverseTypeId: typeId,
      category,
      label: label === null ? null : (inverseLabel ?? label),
      ...(name !== undefined ? { name } : {}),
    };
    this.pushDefinition(inverse);
    return [forward, inverse];
  }

  private pushDefinition(def: AssociationDefinition): void {
    const key = pairKey(def.fromObjectTypeId, def.toObjectTypeId);
    const list = this.userDefinitions.get(key) ?? [];
    list.push(def);
    this.userDefinitions.set(key, list);
    this.userByType.set(definitionKey(def), def);
  }

  private dropDefinition(from: string, to: string, typeId: number): void {
    const key = pairKey(from, to);
    const list = this.userDefinitions.get(key)?.filter((d) => d.typeId !== typeId) ?? [];
    this.userDefinitions.set(key, list);
    this.userByType.delete(`${key}#${typeId}`);
  }

  /** The inverse of a type id for a pair; an undefined type reads the same from both sides. */
  inverseTypeId(fromObjectTypeId: string, toObjectTypeId: string, typeId: number): number {
    return this.definition(fromObjectTypeId, toObjectTypeId, typeId)?.inverseTypeId ?? typeId;
  }

  // ---- edges -------------------------------------------------------------------------------------------------

  /**
   * Adds one association and its inverse. No validation: routes and seeders check records and types first.
   * Fast enough to seed 100,000 records (map writes only). Returns false when the edge already existed.
   */
  add(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
    toId: string,
    typeId: number,
    category?: AssociationCategory,
  ): boolean {
    const def = this.definition(fromObjectTypeId, toObjectTypeId, typeId);
    const cat = category ?? def?.category ?? 'HUBSPOT_DEFINED';
    const added = this.setOne(fromObjectTypeId, fromId, toObjectTypeId, toId, typeId, cat);
    this.setOne(toObjectTypeId, toId, fromObjectTypeId, fromId, def?.inverseTypeId ?? typeId, cat);
    if (added) {
      this.edgeCount++;
      this.announce({ fromObjectTypeId, fromId, toObjectTypeId, toId, typeId, removed: false });
    }
    return added;
  }

  /** Listeners hear every edge added or removed, once from each side. */
  onChange(listener: AssociationListener): void {
    this.listeners.push(listener);
  }

  private announce(change: AssociationChange): void {
    if (this.listeners.length === 0) return;
    const inverse: AssociationChange = {
      fromObjectTypeId: change.toObjectTypeId,
      fromId: change.toId,
      toObjectTypeId: change.fromObjectTypeId,
      toId: change.fromId,
      typeId: this.inverseTypeId(change.fromObjectTypeId, change.toObjectTypeId, change.typeId),
      removed: change.removed,
    };
    for (const listener of this.listeners) {
      listener(change);
      listener(inverse);
    }
  }

  /** Adds the pair's unlabelled default association (HubSpot's `associate/default`). Returns its definition. */
  addDefault(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
    toId: string,
  ): AssociationDefinition {
    const def = this.defaultDefinition(fromObjectTypeId, toObjectTypeId);
    this.add(fromObjectTypeId, fromId, toObjectTypeId, toId, def.typeId, def.category);
    return def;
  }

  /**
   * Removes associations between two records, both directions: the given type ids, or all of them.
   * Returns how many types were removed.
   */
  remove(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
    toId: string,
    typeIds?: readonly number[],
  ): number {
    const types = this.typesBetween(fromObjectTypeId, fromId, toObjectTypeId, toId);
    if (!types) return 0;
    const removing = typeIds ? typeIds.filter((t) => types.has(t)) : [...types.keys()];
    for (const typeId of removing) {
      this.deleteOne(fromObjectTypeId, fromId, toObjectTypeId, toId, typeId);
      this.deleteOne(
        toObjectTypeId,
        toId,
        fromObjectTypeId,
        fromId,
        this.inverseTypeId(fromObjectTypeId, toObjectTypeId, typeId),
      );
      this.edgeCount--;
      this.announce({ fromObjectTypeId, fromId, toObjectTypeId, toId, typeId, removed: true });
    }
    return removing.length;
  }

  /** Removes every association of a record, both directions (purge, merge, GDPR delete). */
  removeAllFor(objectTypeId: string, id: string): void {
    const node = this.graph.get(nodeKey(objectTypeId, id));
    if (!node) return;
    for (const [toObjectTypeId, targets] of [...node]) {
      for (const toId of [...targets.keys()]) this.remove(objectTypeId, id, toObjectTypeId, toId);
    }
    this.graph.delete(nodeKey(objectTypeId, id));
  }

  /** The types from one record to another (live view; do not mutate), or undefined when there are none. */
  typesBetween(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
    toId: string,
  ): EdgeTypes | undefined {
    const types = this.graph.get(nodeKey(fromObjectTypeId, fromId))?.get(toObjectTypeId)?.get(toId);
    return types && types.size > 0 ? types : undefined;
  }

  /** The records of one type associated with a record: toId → types (live view; do not mutate). */
  targets(fromObjectTypeId: string, fromId: string, toObjectTypeId: string): ReadonlyMap<string, EdgeTypes> {
    return this.graph.get(nodeKey(fromObjectTypeId, fromId))?.get(toObjectTypeId) ?? new Map();
  }

  /** Ids of records of `toObjectTypeId` associated with one record, by any type. */
  idsAssociatedWith(fromObjectTypeId: string, fromId: string, toObjectTypeId: string): string[] {
    return [...this.targets(fromObjectTypeId, fromId, toObjectTypeId).keys()];
  }

  /** The name search's `associations.{type}` filter looks for (sandbox/search/associations.ts). */
  associatedIds(fromObjectTypeId: string, fromId: string, toObjectTypeId: string): string[] {
    return this.idsAssociatedWith(fromObjectTypeId, fromId, toObjectTypeId);
  }

  /** Every record associated with one record, whatever its type. */
  recordsAssociatedTo(objectTypeId: string, id: string): Array<{ objectTypeId: string; id: string }> {
    const node = this.graph.get(nodeKey(objectTypeId, id));
    if (!node) return [];
    return [...node].flatMap(([toObjectTypeId, targets]) =>
      [...targets.keys()].map((toId) => ({ objectTypeId: toObjectTypeId, id: toId })),
    );
  }

  /**
   * Checks association specs for a pair of object types: the message naming the first type id that is not defined
   * for the pair (or whose category is not the definition's), or undefined when all are.
   */
  invalidTypeMessage(
    fromObjectTypeId: string,
    toObjectTypeId: string,
    specs: ReadonlyArray<{ associationCategory: string; associationTypeId: number }>,
  ): string | undefined {
    for (const spec of specs) {
      const def = this.definition(fromObjectTypeId, toObjectTypeId, spec.associationTypeId);
      if (!def || def.category !== spec.associationCategory) {
        return `${spec.associationCategory} association type id ${spec.associationTypeId} does not exist from ${fromObjectTypeId} to ${toObjectTypeId}.`;
      }
    }
    return undefined;
  }

  /**
   * Writes a labelled association the way HubSpot does: the given types plus the pair's unlabelled default, both
   * directions. Used by the v4 labelled PUT, batch create and inline `associations` on object create (hook of
   * sandbox/objects/associations.ts). Specs must have been checked (`invalidTypeMessage`); unknown ones are skipped.
   */
  associate(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
    toId: string,
    specs: ReadonlyArray<{ associationCategory: string; associationTypeId: number }>,
  ): void {
    this.addDefault(fromObjectTypeId, fromId, toObjectTypeId, toId);
    for (const spec of specs) {
      const def = this.definition(fromObjectTypeId, toObjectTypeId, spec.associationTypeId);
      if (def) this.add(fromObjectTypeId, fromId, toObjectTypeId, toId, def.typeId, def.category);
    }
  }

  /**
   * A record's associations to one object type in the v3 read shape (`?associations=companies`): one entry per type,
   * so a labelled company appears twice (`contact_to_company`, `contact_to_company_unlabeled`).
   * https://developers.hubspot.com/docs/api/crm/understanding-the-crm (names per hubspot-api.md §1.3)
   */
  forRecordV3(
    fromObjectTypeId: string,
    fromId: string,
    toObjectTypeId: string,
  ): Array<{ id: string; type: string }> {
    const out: Array<{ id: string; type: string }> = [];
    for (const [toId, types] of this.targets(fromObjectTypeId, fromId, toObjectTypeId)) {
      for (const typeId of types.keys()) {
        out.push({ id: toId, type: v3TypeName(this, fromObjectTypeId, toObjectTypeId, typeId) });
      }
    }
    return out;
  }

  /** Number of associations stored, counting each direction pair once. */
  size(): number {
    return this.edgeCount;
  }

  private nodesOfType(objectTypeId: string): Map<string, Neighbours> {
    const prefix = `${objectTypeId}:`;
    const out = new Map<string, Neighbours>();
    for (const [key, node] of this.graph) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), node);
    return out;
  }

  private setOne(
    from: string,
    fromId: string,
    to: string,
    toId: string,
    typeId: number,
    category: AssociationCategory,
  ): boolean {
    const key = nodeKey(from, fromId);
    let node = this.graph.get(key);
    if (!node) {
      node = new Map();
      this.graph.set(key, node);
    }
    let targets = node.get(to);
    if (!targets) {
      targets = new Map();
      node.set(to, targets);
    }
    let types = targets.get(toId);
    if (!types) {
      types = new Map();
      targets.set(toId, types);
    }
    if (types.has(typeId)) return false;
    types.set(typeId, category);
    return true;
  }

  private deleteOne(from: string, fromId: string, to: string, toId: string, typeId: number): void {
    const node = this.graph.get(nodeKey(from, fromId));
    const targets = node?.get(to);
    const types = targets?.get(toId);
    if (!node || !targets || !types) return;
    types.delete(typeId);
    if (types.size === 0) targets.delete(toId);
    if (targets.size === 0) node.delete(to);
    if (node.size === 0) this.graph.delete(nodeKey(from, fromId));
  }

  // ---- persistence -------------------------------------------------------------------------------------------

  /**
   * Each association once: from the side whose node key sorts first (for a record associated with itself, the
   * smaller of the two type ids). `load` writes the inverse again.
   */
  toJSON() {
    const edges: Array<[string, string, string, string, number, AssociationCategory]> = [];
    for (const [key, node] of this.graph) {
      const split = key.indexOf(':');
      const fromType = key.slice(0, split);
      const fromId = key.slice(split + 1);
      for (const [toType, targets] of node) {
        for (const [toId, types] of targets) {
          const otherKey = nodeKey(toType, toId);
          if (otherKey < key) continue;
          for (const [typeId, category] of types) {
            if (otherKey === key && this.inverseTypeId(fromType, toType, typeId) < typeId) continue;
            edges.push([fromType, fromId, toType, toId, typeId, category]);
          }
        }
      }
    }
    return {
      nextTypeId: this.nextTypeId,
      definitions: [...this.userDefinitions.values()].flat(),
      edges,
    };
  }

  load(state: Partial<ReturnType<AssociationStore['toJSON']>>): void {
    if (typeof state.nextTypeId === 'number') this.nextTypeId = Math.max(this.nextTypeId, state.nextTypeId);
    for (const def of state.definitions ?? []) {
      if (!this.userDefinition(def.fromObjectTypeId, def.toObjectTypeId, def.typeId))
        this.pushDefinition(def);
    }
    for (const [from, fromId, to, toId, typeId, category] of state.edges ?? []) {
      this.add(from, fromId, to, toId, typeId, category);
    }
  }
}

/** v3 names of HubSpot's parent/child company types, the only HubSpot labels not named `{from}_to_{to}`. */
const PARENT_CHILD_NAMES: Readonly<Record<number, string>> = {
  13: 'parent_to_child_company',
  14: 'child_to_parent_company',
};

/** `contact`, `line_item`, ...: the singular snake-case name v3 association type names are made of. */
function singularName(objectTypeId: string): string {
  const type = findStandardObjectType(objectTypeId);
  if (!type) return objectTypeId; // custom object: UNVERIFIED how HubSpot names these in v3 reads.
  return type.associationSearchName ?? type.singular.toLowerCase().replace(/\s+/g, '_');
}

/**
 * v3 names: a user label by its internal name; HubSpot's Primary as `contact_to_company`; the unlabelled type as
 * `contact_to_company`, or `contact_to_company_unlabeled` when the pair also has HubSpot labels (UNVERIFIED beyond
 * the contact/company pair).
 */
function v3TypeName(store: AssociationStore, from: string, to: string, typeId: number): string {
  const base = `${singularName(from)}_to_${singularName(to)}`;
  const def = store.definition(from, to, typeId);
  if (!def) return base;
  if (def.category !== 'HUBSPOT_DEFINED') return def.name ?? base;
  if (def.label !== null) return PARENT_CHILD_NAMES[typeId] ?? base;
  const labelled = store
    .definitions(from, to)
    .some((d) => d.category === 'HUBSPOT_DEFINED' && d.label !== null);
  return labelled ? `${base}_unlabeled` : base;
}
