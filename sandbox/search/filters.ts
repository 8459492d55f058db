import { validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { PropertyDef, SandboxRecord } from '../model';
import type { Portal } from '../portal';
import { numberReader, readValue } from './read';
import type { FilterInput } from './request';
import type { IndexedDoc, TypeIndex } from './searchIndex';
import { foldCase, kindOf, normaliseKey, tokenMatcher, toNumber, type ValueKind, valueKeys } from './values';

/**
 * Filters turned into predicates. A filter that can be answered from an index (EQ and IN on a property, any
 * `associations.*` filter) also offers its candidate records, so a search need not scan the whole type.
 * Operator semantics: https://developers.hubspot.com/docs/api/crm/search#filter-search-results
 * Negative operators (NEQ, NOT_IN, NOT_CONTAINS_TOKEN) also match records without a value (UNVERIFIED).
 */
export interface CompiledFilter {
  test(record: SandboxRecord): boolean;
  candidates?(index: TypeIndex): readonly IndexedDoc[];
}

export type CompiledGroup = CompiledFilter[];

export function compileGroups(portal: Portal, type: ObjectTypeDef, groups: FilterInput[][]): CompiledGroup[] {
  return groups.map((group) => group.map((filter) => compileFilter(portal, type, filter)));
}

/** A property the type defines, or HubSpot's 400 for an unknown one. */
export function searchableProperty(portal: Portal, type: ObjectTypeDef, name: string): PropertyDef {
  const def = portal.properties.get(type, name);
  if (!def)
    throw validationError(
      `Property '${name}' does not exist on ${type.name}; it cannot be searched or sorted.`,
    );
  return def;
}

function compileFilter(portal: Portal, type: ObjectTypeDef, filter: FilterInput): CompiledFilter {
  if (filter.propertyName.startsWith('associations.')) return compileAssociationFilter(portal, type, filter);
  const def = searchableProperty(portal, type, filter.propertyName);
  const kind = kindOf(def);
  const name = def.name;
  const read = (r: SandboxRecord) => readValue(r, name);
  const present = (v: string | undefined): v is string => v !== undefined && v !== '';

  switch (filter.operator) {
    case 'EQ':
    case 'NEQ': {
      const key = filterKey(kind, filter.value!, filter);
      const eq = (r: SandboxRecord) => matchesKey(kind, read(r), key);
      if (filter.operator === 'NEQ') return { test: (r) => !eq(r) };
      return { test: eq, candidates: (index) => index.hash(name, kind).lookup(key) };
    }
    case 'IN':
    case 'NOT_IN': {
      // "String values must be lowercase" for IN/NOT_IN: values are not folded, so an upper-case value never
      // matches a string property, as in HubSpot.
      const keys = filter.values!.map((v) => (kind === 'text' ? v : filterKey(kind, v, filter)));
      const wanted = new Set(keys);
      const isIn = (r: SandboxRecord) => valueKeys(kind, read(r)).some((k) => wanted.has(k));
      if (filter.operator === 'NOT_IN') return { test: (r) => !isIn(r) };
      return {
        test: isIn,
        candidates: (index) => {
          const hash = index.hash(name, kind);
          return [...new Set([...wanted].flatMap((k) => hash.lookup(k)))];
        },
      };
    }
    case 'HAS_PROPERTY':
      return { test: (r) => present(read(r)) };
    case 'NOT_HAS_PROPERTY':
      return { test: (r) => !present(read(r)) };
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const matches = tokenMatcher(filter.value!, kind === 'enumeration' || kind === 'multi');
      const contains = (r: SandboxRecord) => {
        const v = read(r);
        return present(v) && matches(v);
      };
      return filter.operator === 'CONTAINS_TOKEN' ? { test: contains } : { test: (r) => !contains(r) };
    }
    default:
      return compileRange(type, name, kind, read, filter);
  }
}

function compileRange(
  type: ObjectTypeDef,
  name: string,
  kind: ValueKind,
  read: (r: SandboxRecord) => string | undefined,
  filter: FilterInput,
): CompiledFilter {
  const low = comparable(kind, filter.value!, filter);
  const high = filter.highValue === undefined ? low : comparable(kind, filter.highValue, filter);
  const check: Record<string, (v: number | string) => boolean> = {
    LT: (v) => v < low,
    LTE: (v) => v <= low,
    GT: (v) => v > low,
    GTE: (v) => v >= low,
    BETWEEN: (v) => v >= low && v <= high,
  };
  const inRange = check[filter.operator]!;
  if (kind === 'number' || kind === 'instant') {
    const numberOf = numberReader(type, name, kind);
    return {
      test: (r) => {
        const n = numberOf(r);
        return !Number.isNaN(n) && inRange(n);
      },
    };
  }
  return {
    test: (r) => {
      const v = read(r);
      return v !== undefined && v !== '' && inRange(foldCase(kind, v));
    },
  };
}

function compileAssociationFilter(portal: Portal, type: ObjectTypeDef, filter: FilterInput): CompiledFilter {
  const other = filter.propertyName.slice('associations.'.length);
  const from = portal.objectTypes.find(other);
  if (!from || from.custom) {
    throw validationError(
      `Cannot search by '${filter.propertyName}': use associations.{contact|company|deal|ticket}.`,
    );
  }
  if (!['EQ', 'NEQ', 'IN', 'NOT_IN'].includes(filter.operator)) {
    throw validationError(
      `Operator ${filter.operator} is not supported on ${filter.propertyName}: use EQ, NEQ, IN or NOT_IN.`,
    );
  }
  const fromIds = filter.values ?? [filter.value!];
  const ids = new Set(
    fromIds.flatMap((id) => portal.associations.associatedIds(from.objectTypeId, id, type.objectTypeId)),
  );
  const negative = filter.operator === 'NEQ' || filter.operator === 'NOT_IN';
  if (negative) return { test: (r) => !ids.has(r.id) };
  return {
    test: (r) => ids.has(r.id),
    candidates: (index) => [...ids].flatMap((id) => index.get(id) ?? []),
  };
}

function matchesKey(kind: ValueKind, stored: string | undefined, key: string): boolean {
  if (stored === undefined || stored === '') return false;
  if (kind === 'multi') return stored.split(';').includes(key);
  return normaliseKey(kind, stored) === key;
}

function filterKey(kind: ValueKind, value: string, filter: FilterInput): string {
  comparable(kind, value, filter);
  return normaliseKey(kind, value);
}

/** The value a range compares against; a number or instant property refuses a value that is neither. */
function comparable(kind: ValueKind, value: string, filter: FilterInput): number | string {
  if (kind !== 'number' && kind !== 'instant') return foldCase(kind, value);
  const n = toNumber(kind, value);
  if (Number.isNaN(n)) {
    const expected = kind === 'number' ? 'a number' : 'a date as epoch milliseconds';
    throw validationError(
      `Invalid value '${value}' for ${filter.propertyName} (${filter.operator}): expected ${expected}.`,
    );
  }
  return n;
}
