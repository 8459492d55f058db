import { FieldValidationError } from '../../hubspot/coerce';
import { SEARCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { recordOutput } from '../records';
import { propertiesToRetrieveField, retrievedProperties } from '../retrievedProperties';
import { type HubSpotRecord, type SearchRequest, searchRecords } from '../search';
import type { OperationContext, OperationDef } from '../types';
import { plural, titleCase } from '../wording';
import { outputFieldsFor, type RecordOperationConfig, recordType } from './common';
import { conditionsField, filterGroupsFromInput } from './searchConditions';

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

export function searchRecordsOperation(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const many = plural(type.singular);
  return {
    key: config.key,
    kind: 'search',
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
      endpoints: [`POST ${paths.objects.search(type.name)}`],
      perRun: `ceil(limit/${PAGE}) at most (1 for up to ${PAGE} results)`,
    },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const filterGroups = filterGroupsFromInput(ctx.input);
      const limit = limitOf(ctx);
      const body: SearchRequest = {
        filterGroups,
        sorts: [{ propertyName: sortProperty(ctx) ?? type.createdProperty, direction: sortDirection(ctx) }],
        properties: retrievedProperties(ctx, type),
        limit: PAGE,
      };
      const found: HubSpotRecord[] = [];
      let after: string | undefined;
      do {
        const page = await searchRecords(ctx.api, type.name, { ...body, ...(after ? { after } : {}) });
        found.push(...page.results);
        after = page.paging?.next?.after;
      } while (after && found.length < limit);
      return found.slice(0, limit).map((r) => recordOutput(r));
    },
  };
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
