import { SEARCH } from '../hubspot/limits';
import { paths } from '../hubspot/paths';
import { ASSOCIATIONS } from '../operations/objects/getRecord';
import { CONDITIONS, OPERATOR_CHOICES } from '../operations/objects/searchConditions';
import type { OperationDef } from '../operations/types';
import type { Json, MakeParam } from './model';
import { operationParams, zapierOnlyParams } from './moduleParts';
import { imlPath, scopesFor, typeIml } from './objectRef';
import { fieldMessage, guardStep } from './pathGuards';
import {
  BODY_RECORD_OUTPUT,
  PAGE,
  properties,
  RECORD_OUTPUT,
  type Recipe,
  searchRequest,
  timeExpr,
} from './recipes';

/**
 * Make renderings of Get Record (`operations/objects/getRecord.ts`) and Search Records
 * (`operations/objects/searchRecords.ts`), recognised by their shape as the other recipes are.
 */

const hasField = (def: OperationDef, key: string) => def.inputFields.some((f) => f.key === key);

/** A search body's `properties` array as the comma-separated text a read's query takes. */
const joinedProperties = (type: Parameters<Recipe['render']>[1]) =>
  `{{join(${String(properties(type).properties).slice(2, -2)}, ',')}}`;

/**
 * Search Records' conditions on Make: an array of groups, each an array of filters, in HubSpot's own
 * `filterGroups` shape, so the body takes it as it is. Zapier's line items (rows with a group number) have no IML
 * equivalent: IML cannot regroup rows into nested arrays.
 */
const FILTER_GROUPS = { name: 'filter_groups', label: 'Filter groups' };
const filterGroupsParam: Json = {
  ...FILTER_GROUPS,
  type: 'array',
  required: true,
  validate: { maxItems: SEARCH.maxFilterGroups },
  help:
    `A record is found when any group matches (OR); every filter of a group must match (AND). At most ` +
    `${SEARCH.maxFilterGroups} groups, ${SEARCH.maxFiltersPerGroup} filters in a group and ` +
    `${SEARCH.maxFiltersTotal} in all (HubSpot's limits).`,
  spec: [
    {
      name: 'filters',
      label: 'Filters',
      type: 'array',
      required: true,
      validate: { maxItems: SEARCH.maxFiltersPerGroup },
      spec: [
        { name: 'propertyName', label: 'Property', type: 'text', required: true },
        {
          name: 'operator',
          label: 'Operator',
          type: 'select',
          required: true,
          default: 'EQ',
          options: OPERATOR_CHOICES.map((c) => ({ label: c.label, value: c.value })),
        },
        { name: 'value', label: 'Value', type: 'text' },
        { name: 'highValue', label: 'High value', type: 'text', help: 'The upper bound of "is between".' },
        {
          name: 'values',
          label: 'Values',
          type: 'array',
          spec: { name: 'value', label: 'Value', type: 'text' },
          help: 'For "is any of" and "is none of".',
        },
      ],
    },
  ],
};

const CONDITIONS_REASON =
  'Zapier takes the conditions as line items (rows with a group number); Make takes them as nested arrays in ' +
  "HubSpot's filterGroups shape (`filter_groups`), since IML cannot regroup rows into nested arrays.";

/** Filters in all groups, counted in IML (no loops: the five possible groups, each `ifempty` when absent). */
const totalFilters = Array.from(
  { length: SEARCH.maxFilterGroups },
  (_, i) => `length(ifempty(get(parameters.filter_groups, '${i + 1}.filters'), emptyarray))`,
).join(' + ');

const LIMIT_GUARDS = [
  guardStep(
    `length(parameters.filter_groups) <= ${SEARCH.maxFilterGroups}`,
    fieldMessage(
      FILTER_GROUPS,
      `has {{length(parameters.filter_groups)}} groups; HubSpot allows at most ${SEARCH.maxFilterGroups}.`,
    ),
  ),
  guardStep(
    `${totalFilters} <= ${SEARCH.maxFiltersTotal}`,
    fieldMessage(
      FILTER_GROUPS,
      `has {{${totalFilters}}} filters; HubSpot allows at most ${SEARCH.maxFiltersTotal} in one search.`,
    ),
  ),
];

export const RECORD_RECIPES: Recipe[] = [
  {
    // One read, as on Zapier; a missing record is HubSpot's 404, which Make reports as an error (see differences).
    name: 'getRecord',
    matches: (d) =>
      d.kind === 'search' &&
      hasField(d, 'record_id') &&
      hasField(d, ASSOCIATIONS) &&
      d.calls.endpoints.length === 1 &&
      d.calls.endpoints[0]!.startsWith('GET '),
    render: (d, type) => ({
      moduleType: 'search',
      crud: 'read',
      mappableParams: operationParams(d),
      staticParams: [],
      scope: scopesFor(type, 'read'),
      communication: {
        url: imlPath(paths.objects.one, typeIml(type), '{{parameters.record_id}}'),
        method: 'GET',
        qs: {
          idProperty: '{{ifempty(parameters.id_property, undefined)}}',
          properties: joinedProperties(type),
          associations: `{{ifempty(join(ifempty(parameters.${ASSOCIATIONS}, emptyarray), ','), undefined)}}`,
        },
        response: { output: { ...BODY_RECORD_OUTPUT, associations: '{{body.associations}}' } },
      },
    }),
  },
  {
    name: 'searchRecords',
    matches: (d) => d.kind === 'search' && hasField(d, CONDITIONS.key),
    render: (d, type) => {
      const params = operationParams(d).flatMap((p: MakeParam) =>
        typeof p === 'object' && p.name === CONDITIONS.key ? [filterGroupsParam] : [p],
      );
      const created = timeExpr(type, 'createdProperty');
      return {
        moduleType: 'search',
        crud: 'read',
        mappableParams: params,
        staticParams: [],
        scope: scopesFor(type, 'read'),
        makeOnlyParams: [FILTER_GROUPS.name],
        zapierOnlyParams: { ...(zapierOnlyParams(d) ?? {}), [CONDITIONS.key]: CONDITIONS_REASON },
        communication: [
          ...LIMIT_GUARDS,
          searchRequest(
            type,
            {
              filterGroups: '{{parameters.filter_groups}}',
              sorts: [
                {
                  propertyName: `{{ifempty(parameters.sort_property, ${created})}}`,
                  direction: "{{ifempty(parameters.sort_direction, 'DESCENDING')}}",
                },
              ],
              ...properties(type),
              limit: PAGE,
            },
            {
              iterate: '{{body.results}}',
              output: RECORD_OUTPUT,
              limit: '{{ifempty(parameters.limit, 10)}}',
            },
          ),
        ],
      };
    },
  },
];

export function recordRecipeFor(def: OperationDef): Recipe | undefined {
  return RECORD_RECIPES.find((r) => r.matches(def));
}
