import { validationError } from '../errors';
import { SEARCH } from '../facts/limits';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { SandboxRecord } from '../model';
import type { Portal } from '../portal';
import { type CompiledGroup, compileGroups, searchableProperty } from './filters';
import { compareCreation, numberReader, readValue } from './read';
import type { SearchRequest, SortInput } from './request';
import { type IndexedDoc, searchIndexFor, type TypeIndex } from './searchIndex';
import { kindOf, wordPrefixMatcher } from './values';

export interface SearchOutcome {
  total: number;
  /** The page, as the index sees the records (which may lag behind the store). */
  records: SandboxRecord[];
  /** Offset of the next page, when more results remain. */
  nextAfter?: number;
}

/**
 * Runs one CRM search over the portal's search index.
 * https://developers.hubspot.com/docs/api/crm/search
 */
export function runSearch(portal: Portal, type: ObjectTypeDef, request: SearchRequest): SearchOutcome {
  // "Attempting to page beyond 10,000 will result in a 400 error"; the exact body is UNVERIFIED (hubspot-api.md §11).
  if (request.after + request.limit > SEARCH.maxResults) {
    throw validationError(
      `Search results are limited to ${SEARCH.maxResults} records: after (${request.after}) plus limit (${request.limit}) goes past that. Narrow the search instead of paging further.`,
    );
  }
  const groups = compileGroups(portal, type, request.filterGroups);
  const order = request.sort ? sortComparator(portal, type, request.sort) : undefined;
  const matchesQuery = queryMatcher(type, request.query);
  const index = searchIndexFor(portal).forType(type.objectTypeId);

  const matches: SandboxRecord[] = [];
  for (const doc of pool(index, groups)) {
    const record = doc.record;
    if (groups.length > 0 && !groups.some((g) => g.every((f) => f.test(record)))) continue;
    if (matchesQuery && !matchesQuery(record)) continue;
    matches.push(record);
  }
  if (order) matches.sort(order);
  else if (!index.inCreationOrder) matches.sort(compareCreation);

  const end = request.after + request.limit;
  return {
    total: matches.length,
    records: matches.slice(request.after, end),
    ...(request.limit > 0 && end < matches.length ? { nextAfter: end } : {}),
  };
}

/**
 * The records worth testing: when every group has an indexed filter, the union of each group's smallest candidate
 * set (in insertion order); otherwise the whole type.
 */
function pool(index: TypeIndex, groups: CompiledGroup[]): Iterable<IndexedDoc> {
  if (groups.length === 0) return index.all();
  const picked: Array<readonly IndexedDoc[]> = [];
  for (const group of groups) {
    let best: readonly IndexedDoc[] | undefined;
    for (const filter of group) {
      const candidates = filter.candidates?.(index);
      if (candidates && (!best || candidates.length < best.length)) best = candidates;
    }
    if (!best) return index.all();
    picked.push(best);
  }
  if (picked.length === 1) return [...picked[0]!].sort(byOrdinal);
  return [...new Set(picked.flat())].sort(byOrdinal);
}

const byOrdinal = (a: IndexedDoc, b: IndexedDoc) => a.ordinal - b.ordinal;

/**
 * `query` looks in the type's default text properties; each word must start a word in one of them
 * (`ali` finds "Alice", `hubspot.com` finds "ann@hubspot.com"). HubSpot's exact matching is UNVERIFIED.
 */
function queryMatcher(type: ObjectTypeDef, query: string | undefined) {
  if (query === undefined) return undefined;
  const words = query.trim().split(/\s+/).map(wordPrefixMatcher);
  const names = type.queryProperties;
  return (record: SandboxRecord) => {
    const texts: string[] = [];
    for (const name of names) {
      const v = record.properties[name];
      if (v) texts.push(v.toLowerCase());
    }
    return words.every((word) => texts.some(word));
  };
}

/** One sort rule; records without a value come last, ties go by creation. */
function sortComparator(portal: Portal, type: ObjectTypeDef, sort: SortInput) {
  const def = searchableProperty(portal, type, sort.propertyName);
  const kind = kindOf(def);
  const sign = sort.direction === 'DESCENDING' ? -1 : 1;
  const numberOf = kind === 'number' || kind === 'instant' ? numberReader(type, def.name, kind) : undefined;
  const key = (r: SandboxRecord): number | string | undefined => {
    if (numberOf) {
      const n = numberOf(r);
      return Number.isNaN(n) ? undefined : n;
    }
    const v = readValue(r, def.name);
    if (v === undefined || v === '') return undefined;
    return kind === 'text' ? v.toLowerCase() : v;
  };
  const keys = new Map<SandboxRecord, number | string | undefined>();
  const keyOf = (r: SandboxRecord) => {
    if (!keys.has(r)) keys.set(r, key(r));
    return keys.get(r);
  };
  return (a: SandboxRecord, b: SandboxRecord) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === kb) return compareCreation(a, b);
    if (ka === undefined) return 1;
    if (kb === undefined) return -1;
    return (ka < kb ? -1 : 1) * sign;
  };
}
