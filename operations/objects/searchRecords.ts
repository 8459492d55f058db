import { FieldValidationError } from '../../hubspot/coerce';
import { SEARCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { input, type LimitLeaf, OBJECT_TYPE, path, type RequestSpec } from '../request';
import { propertiesToRetrieveField } from '../retrievedProperties';
import { runRequests, runState } from '../runRequests';
import type { OperationContext, OperationDef } from '../types';
import { plural, titleCase } from '../wording';
import { outputFieldsFor, type RecordOperationConfig, recordType } from './common';
import { CONDITIONS, conditionsField, filterGroupsFromInput } from './searchConditions';

/**
 * Search Records: every record matching several conditions (HubSpot's filter groups), sorted, up to a limit; a
 * search step that returns many rows (Zapier: "a JSON array sorted with the best match first, don't limit to a single
 * result", https://docs.zapier.com/platform/build/response-types). Pages at HubSpot's largest page (200), so a run
 * costs as few of the portal's 5 searches a second as it can (https://developers.hubspot.com/docs/api/crm/search).
 */

/** Most rows one run returns: 5 pages of 200, 5 searches, well inside a Zapier step's 30 s. */
export const MAX_RESULTS = 1_000;
const PAGE = SEARCH.maxLimit;
const DEFAULT_LIMIT = 10;

const SORT_DIRECTIONS = [
  { value: 'DESCENDING', label: 'Newest / highest first' },
  { value: 'ASCENDING', label: 'Oldest / lowest first' },
];
const PROPERTY_NAME = /^[A-Za-z0-9_]+$/;

/** The step's limit: at most 1,000 results, paged at HubSpot's 200 (the body's `limit`: never more than asked). */
const RESULTS: LimitLeaf = { $: 'limit', default: DEFAULT_LIMIT, max: MAX_RESULTS, input: 'limit' };
const PAGE_SIZE: LimitLeaf = { $: 'limit', default: DEFAULT_LIMIT, max: PAGE, input: 'limit' };

/** The search as data; Make's module is rendered from it. */
export const SEARCH_REQUEST: RequestSpec = {
  method: 'POST',
  path: path(paths.objects.search, OBJECT_TYPE),
  search: true,
  body: {
    filterGroups: { $: 'filterGroups', key: CONDITIONS.key },
    sorts: [
      {
        propertyName: input('sort_property', { otherwise: { $: 'typeProperty', pick: 'createdProperty' } }),
        direction: input('sort_direction', { otherwise: 'DESCENDING' }),
      },
    ],
    properties: { $: 'retrieve' },
    limit: PAGE_SIZE,
  },
  pagination: { cursor: 'body' },
  output: { kind: 'results', limit: RESULTS },
};

const SEARCH_CODE =
  'Checks every condition, the sort and the limit before the call, naming the field: HubSpot would refuse a search ' +
  'past its limits only after the call, and without saying which row of the step is wrong.';

export function searchRecordsOperation(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const many = plural(type.singular);
  const def: OperationDef = {
    key: config.key,
    kind: 'search',
    objectType: types.ref,
    noun: type.singular,
    label: titleCase(`Find ${many} Matching Conditions`),
    description: `Finds every ${type.singular.toLowerCase()} matching several conditions (AND within a group, OR between groups), sorted, up to a limit.`,
    inputFields: [
      ...types.inputFields,
      conditionsField(types.ref),
      {
        key: 'sort_property',
        label: 'Sort by',
        required: false,
        dropdown: { kind: 'properties', objectType: types.ref },
        helpText: 'Leave empty to sort by creation date.',
      },
      {
        key: 'sort_direction',
        label: 'Sort direction',
        required: false,
        choices: SORT_DIRECTIONS,
        default: 'DESCENDING',
        helpText: 'Newest or highest first, unless chosen otherwise.',
      },
      {
        key: 'limit',
        label: 'Maximum number of results',
        type: 'integer',
        required: false,
        default: String(DEFAULT_LIMIT),
        helpText: `1 to ${MAX_RESULTS}.`,
      },
      propertiesToRetrieveField(types.ref),
    ],
    outputFields: outputFieldsFor(type),
    outputProperties: types.ref,
    sample: config.sample,
    calls: {
      endpoints: declaredEndpoints([SEARCH_REQUEST], type),
      perRun: `ceil(limit/${PAGE}) at most (1 for up to ${PAGE} results)`,
    },
    requests: [SEARCH_REQUEST],
    code: { reason: SEARCH_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx);
      // Every input is checked before the first call, naming its field.
      filterGroupsFromInput(ctx.input);
      limitOf(ctx);
      sortProperty(ctx);
      sortDirection(ctx);
      return runRequests(ctx, [SEARCH_REQUEST], runState(type, def));
    },
  };
  return def;
}

function limitOf(ctx: OperationContext): number {
  const raw = ctx.input.limit;
  if (raw === undefined || raw === null || String(raw).trim() === '') return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS)
    throw new FieldValidationError(
      'limit',
      'Maximum number of results',
      `"${raw}" must be a whole number from 1 to ${MAX_RESULTS}.`,
    );
  return limit;
}

function sortProperty(ctx: OperationContext): string | undefined {
  const value = String(ctx.input.sort_property ?? '').trim();
  if (value === '') return undefined;
  if (!PROPERTY_NAME.test(value))
    throw new FieldValidationError(
      'sort_property',
      'Sort by',
      `"${value}" is not a property's internal name (letters, digits and underscores). Choose it from the list.`,
    );
  return value;
}

function sortDirection(ctx: OperationContext): 'ASCENDING' | 'DESCENDING' {
  const value = String(ctx.input.sort_direction ?? '').trim() || 'DESCENDING';
  if (value !== 'ASCENDING' && value !== 'DESCENDING')
    throw new FieldValidationError(
      'sort_direction',
      'Sort direction',
      `"${value}" is not ASCENDING or DESCENDING.`,
    );
  return value;
}
