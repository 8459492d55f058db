import { validationError } from '../errors';
import { SEARCH } from '../facts/limits';

/**
 * Reads and checks a `PublicObjectSearchRequest` body
 * (https://developers.hubspot.com/docs/api/crm/search). Shape problems and limit breaches answer 400
 * VALIDATION_ERROR; the messages are the sandbox's own (HubSpot's exact wording is UNVERIFIED,
 * hubspot-api.md §11).
 */

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface FilterInput {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface SortInput {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchRequest {
  query?: string;
  /** OR of groups, AND within a group. Empty: every record. */
  filterGroups: FilterInput[][];
  sort?: SortInput;
  /** Requested properties; undefined means the type's defaults. */
  properties?: string[];
  limit: number;
  after: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON numbers and booleans are accepted where HubSpot's model says string, as its JSON reader does. */
function scalar(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw validationError(`Invalid input JSON: ${field} must be a string.`);
}

export function parseSearchRequest(body: unknown): SearchRequest {
  const input = body === undefined ? {} : body;
  if (!isRecord(input))
    throw validationError('Invalid input JSON: expected a JSON object as the request body.');

  const query = scalar(input.query, 'query');
  if (query !== undefined && query.length > SEARCH.maxQueryLength) {
    throw validationError(`query must be at most ${SEARCH.maxQueryLength} characters, got ${query.length}.`);
  }
  return {
    query: query === undefined || query.trim() === '' ? undefined : query,
    filterGroups: parseFilterGroups(input.filterGroups),
    sort: parseSorts(input.sorts),
    properties: parseProperties(input.properties),
    limit: parseLimit(input.limit),
    after: parseAfter(input.after),
  };
}

function parseFilterGroups(raw: unknown): FilterInput[][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: filterGroups must be an array.');
  if (raw.length > SEARCH.maxFilterGroups) {
    throw validationError(
      `Too many filter groups: ${raw.length}. A search may have at most ${SEARCH.maxFilterGroups} filterGroups.`,
    );
  }
  const groups = raw.map((group, g) => {
    if (!isRecord(group) || !Array.isArray(group.filters)) {
      throw validationError(`Invalid input JSON: filterGroups[${g}].filters must be an array.`);
    }
    if (group.filters.length > SEARCH.maxFiltersPerGroup) {
      throw validationError(
        `Too many filters in filterGroups[${g}]: ${group.filters.length}. A filter group may have at most ${SEARCH.maxFiltersPerGroup} filters.`,
      );
    }
    return group.filters.map((f, i) => parseFilter(f, `filterGroups[${g}].filters[${i}]`));
  });
  const total = groups.reduce((n, g) => n + g.length, 0);
  if (total > SEARCH.maxFiltersTotal) {
    throw validationError(
      `Too many filters: ${total}. A search may have at most ${SEARCH.maxFiltersTotal} filters across all filterGroups.`,
    );
  }
  // A group without filters adds no condition; HubSpot's handling of one is UNVERIFIED, so it is dropped.
  return groups.filter((g) => g.length > 0);
}

function parseFilter(raw: unknown, at: string): FilterInput {
  if (!isRecord(raw)) throw validationError(`Invalid input JSON: ${at} must be an object.`);
  const propertyName = scalar(raw.propertyName, `${at}.propertyName`);
  if (!propertyName) throw validationError(`${at} is missing propertyName.`);
  const operator = scalar(raw.operator, `${at}.operator`) ?? 'EQ';
  if (!(OPERATORS as readonly string[]).includes(operator)) {
    throw validationError(`Unknown operator '${operator}' in ${at}. Use one of ${OPERATORS.join(', ')}.`);
  }
  const filter: FilterInput = { propertyName, operator: operator as Operator };
  const value = scalar(raw.value, `${at}.value`);
  const highValue = scalar(raw.highValue, `${at}.highValue`);
  if (value !== undefined) filter.value = value;
  if (highValue !== undefined) filter.highValue = highValue;
  if (raw.values !== undefined && raw.values !== null) {
    if (!Array.isArray(raw.values))
      throw validationError(`Invalid input JSON: ${at}.values must be an array.`);
    filter.values = raw.values.map((v, i) => scalar(v, `${at}.values[${i}]`) ?? '');
  }
  requireOperands(filter, at);
  return filter;
}

function requireOperands(f: FilterInput, at: string): void {
  switch (f.operator) {
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      return;
    case 'IN':
    case 'NOT_IN':
      if (!f.values || f.values.length === 0)
        throw validationError(`${at}: operator ${f.operator} needs values.`);
      return;
    case 'BETWEEN':
      if (f.value === undefined || f.highValue === undefined) {
        throw validationError(`${at}: operator BETWEEN needs value and highValue.`);
      }
      return;
    default:
      if (f.value === undefined) throw validationError(`${at}: operator ${f.operator} needs a value.`);
  }
}

/** `sorts` is `string[]` in HubSpot's model (`"createdate"`, `"-createdate"`); the guide sends objects. */
function parseSorts(raw: unknown): SortInput | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: sorts must be an array.');
  if (raw.length > SEARCH.maxSorts) {
    throw validationError(
      `Too many sorts: ${raw.length}. A search may sort on at most ${SEARCH.maxSorts} property.`,
    );
  }
  const sort = raw[0];
  if (sort === undefined) return undefined;
  if (typeof sort === 'string') {
    const descending = sort.startsWith('-');
    const propertyName = descending ? sort.slice(1) : sort;
    if (!propertyName) throw validationError('Invalid sort: empty property name.');
    return { propertyName, direction: descending ? 'DESCENDING' : 'ASCENDING' };
  }
  if (!isRecord(sort)) throw validationError('Invalid input JSON: sorts[0] must be a string or an object.');
  const propertyName = scalar(sort.propertyName, 'sorts[0].propertyName');
  if (!propertyName) throw validationError('sorts[0] is missing propertyName.');
  const direction = scalar(sort.direction, 'sorts[0].direction') ?? 'ASCENDING';
  if (direction !== 'ASCENDING' && direction !== 'DESCENDING') {
    throw validationError(`Invalid sort direction '${direction}': use ASCENDING or DESCENDING.`);
  }
  return { propertyName, direction };
}

function parseProperties(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw))
    throw validationError('Invalid input JSON: properties must be an array of strings.');
  return raw.map((p, i) => scalar(p, `properties[${i}]`) ?? '').filter((p) => p !== '');
}

function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === null) return SEARCH.defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0)
    throw validationError(`Invalid limit '${raw}': expected an integer.`);
  if (limit > SEARCH.maxLimit) {
    throw validationError(`limit must be at most ${SEARCH.maxLimit}, got ${limit}.`);
  }
  return limit;
}

/** `after` is an integer offset sent as a string. */
function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const text = String(raw);
  if (!/^\d+$/.test(text))
    throw validationError(`Invalid after '${text}': expected the offset from paging.next.after.`);
  return Number(text);
}
