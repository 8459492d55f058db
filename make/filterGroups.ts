import { SEARCH } from '../hubspot/limits';
import { OPERATOR_CHOICES } from '../operations/objects/searchConditions';
import { isLeaf, type Template } from '../operations/request';
import type { OperationDef } from '../operations/types';
import type { Json, MakeParam } from './model';
import { fieldMessage, guardStep } from './pathGuards';

/**
 * Search conditions on Make (`FilterGroupsLeaf`): the field's parameter is an array of groups, each an array of
 * filters, in HubSpot's own `filterGroups` shape, so the body takes it as it is. Zapier's line items (rows with a
 * group number) cannot be used: IML has no loop or grouping to turn rows into nested arrays. HubSpot's limits are
 * checked before the call, as on Zapier: the parameter's `validate` in Make's editor, and guard steps for mapped
 * arrays. https://developers.hubspot.com/docs/api/crm/search
 */

/** Keys of the fields the operation's declared requests use as filter groups. */
export function filterGroupKeys(def: OperationDef): string[] {
  const keys: string[] = [];
  const walk = (t: Template | undefined): void => {
    if (t === undefined || typeof t !== 'object' || t === null) return;
    if (isLeaf(t)) {
      if (t.$ === 'filterGroups') keys.push(t.key);
      return;
    }
    for (const v of Array.isArray(t) ? t : Object.values(t)) walk(v as Template);
  };
  for (const spec of def.requests ?? []) walk(spec.body);
  return keys;
}

function filterGroupsParam(name: string, label: string): Json {
  return {
    name,
    label,
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
            help: 'For "is any of" and "is none of"; in lower case for text properties (HubSpot\'s rule).',
          },
        ],
      },
    ],
  };
}

/** The module's parameters with each filter-groups field rendered in HubSpot's nested shape. */
export function withFilterGroupParams(def: OperationDef, params: MakeParam[]): MakeParam[] {
  const keys = new Set(filterGroupKeys(def));
  return params.map((p) =>
    typeof p === 'object' && keys.has(String(p.name))
      ? filterGroupsParam(String(p.name), String(p.label))
      : p,
  );
}

/**
 * Guards for a mapped array, which Make's editor cannot validate: at most 5 groups, 6 filters in each, 18 in all. IML
 * has no loop, so each of the 5 possible groups is counted (`get` with a 1-based path, empty when absent).
 */
export function filterGroupGuards(def: OperationDef): Json[] {
  return filterGroupKeys(def).flatMap((key) => {
    const param = { name: key, label: def.inputFields.find((f) => f.key === key)?.label ?? key };
    const groups = `ifempty(parameters.${key}, emptyarray)`;
    const counts = Array.from(
      { length: SEARCH.maxFilterGroups },
      (_, i) => `length(ifempty(get(${groups}, '${i + 1}.filters'), emptyarray))`,
    );
    return [
      guardStep(
        `length(${groups}) <= ${SEARCH.maxFilterGroups}`,
        fieldMessage(
          param,
          `has {{length(${groups})}} groups; HubSpot allows at most ${SEARCH.maxFilterGroups}.`,
        ),
      ),
      ...counts.map((count, i) =>
        guardStep(
          `${count} <= ${SEARCH.maxFiltersPerGroup}`,
          fieldMessage(
            param,
            `group ${i + 1} has {{${count}}} filters; HubSpot allows at most ${SEARCH.maxFiltersPerGroup} in a group.`,
          ),
        ),
      ),
      guardStep(
        `${counts.join(' + ')} <= ${SEARCH.maxFiltersTotal}`,
        fieldMessage(
          param,
          `has {{${counts.join(' + ')}}} filters; HubSpot allows at most ${SEARCH.maxFiltersTotal} in one search.`,
        ),
      ),
    ];
  });
}
