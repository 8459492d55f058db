import { FieldValidationError } from '../../hubspot/coerce';
import { SEARCH } from '../../hubspot/limits';
import type { SearchFilter, SearchOperator } from '../search';
import type { Choice, InputFieldDef, ObjectTypeRef } from '../types';

/**
 * The conditions of Search Records: rows of property / operator / value with a group number. Rows of one group must
 * all hold (AND); a record matches when any group holds (OR): HubSpot's `filterGroups`. Every row is checked against
 * HubSpot's limits before any call, naming the field and the row, so a Zap never sends a search HubSpot refuses.
 * Limits and operators: https://developers.hubspot.com/docs/api/crm/search (5 groups, 6 filters in a group, 18 in all).
 */

export const CONDITIONS = { key: 'conditions', label: 'Conditions' };

const OPERATOR_LABELS: Readonly<Record<SearchOperator, string>> = {
  EQ: 'is equal to',
  NEQ: 'is not equal to',
  LT: 'is less than',
  LTE: 'is less than or equal to',
  GT: 'is greater than',
  GTE: 'is greater than or equal to',
  BETWEEN: 'is between (value and high value)',
  IN: 'is any of (comma-separated values)',
  NOT_IN: 'is none of (comma-separated values)',
  HAS_PROPERTY: 'has a value',
  NOT_HAS_PROPERTY: 'has no value',
  CONTAINS_TOKEN: 'contains the word',
  NOT_CONTAINS_TOKEN: 'does not contain the word',
};
export const OPERATORS = Object.keys(OPERATOR_LABELS) as SearchOperator[];
export const OPERATOR_CHOICES: Choice[] = OPERATORS.map((value) => ({
  value,
  label: OPERATOR_LABELS[value],
}));

const NO_VALUE: ReadonlySet<SearchOperator> = new Set(['HAS_PROPERTY', 'NOT_HAS_PROPERTY']);
const MANY_VALUES: ReadonlySet<SearchOperator> = new Set(['IN', 'NOT_IN']);

/** Internal property names (https://developers.hubspot.com/docs/api/crm/properties); `associations.contact` too. */
const PROPERTY_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/;

export function conditionsField(typeRef: ObjectTypeRef): InputFieldDef {
  return {
    ...CONDITIONS,
    required: true,
    children: [
      {
        key: 'group',
        label: 'Group',
        type: 'integer',
        default: '1',
        // Zapier shows no help text on a line-item field itself (children and helpText exclude each other).
        helpText:
          `Conditions with the same group number must all match (AND); a record is found when any group ` +
          `matches (OR). 1 to ${SEARCH.maxFilterGroups}; empty is group 1. At most ${SEARCH.maxFiltersPerGroup} ` +
          `conditions in a group and ${SEARCH.maxFiltersTotal} in all (HubSpot's limits).`,
      },
      {
        key: 'property',
        label: 'Property',
        dropdown: { kind: 'properties', objectType: typeRef },
        helpText: 'The HubSpot property (its internal name, such as lifecyclestage).',
      },
      { key: 'operator', label: 'Operator', choices: OPERATOR_CHOICES, default: 'EQ' },
      {
        key: 'value',
        label: 'Value',
        helpText:
          'Not used by "has a value" and "has no value"; comma-separated for "is any of" and "is none of", in ' +
          'lower case for text properties (HubSpot matches those only in lower case). Dates as milliseconds ' +
          'since 1970 or YYYY-MM-DD.',
      },
      { key: 'high_value', label: 'High value', helpText: 'The upper bound of "is between".' },
    ],
  };
}

type Row = Record<string, unknown>;

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/**
 * Zapier hands line items as an array of row objects; a mapped or pasted value may also be a JSON text of that
 * array. Anything else is refused, naming the field.
 */
function rowsOf(input: Record<string, unknown>, key: string): Row[] {
  let raw = input[key];
  if (typeof raw === 'string' && raw.trim() !== '') {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = undefined;
    }
  }
  if (!Array.isArray(raw) || raw.length === 0)
    throw new FieldValidationError(
      CONDITIONS.key,
      CONDITIONS.label,
      'needs at least one condition (a property, an operator and a value).',
    );
  return raw.map((row) => (row && typeof row === 'object' ? (row as Row) : {}));
}

/** One row as a HubSpot filter, or the reason it is refused (which names the row). */
function filterOf(row: Row, n: number): SearchFilter {
  const fail = (reason: string) =>
    new FieldValidationError(CONDITIONS.key, CONDITIONS.label, `condition ${n}: ${reason}`);
  const propertyName = text(row.property);
  if (!PROPERTY_NAME.test(propertyName))
    throw fail(
      propertyName === ''
        ? 'Property is required.'
        : `"${propertyName}" is not a property's internal name (letters, digits and underscores). Choose it from the list.`,
    );
  const operator = (text(row.operator) || 'EQ').toUpperCase() as SearchOperator;
  if (!OPERATORS.includes(operator))
    throw fail(`Operator "${text(row.operator)}" is not one of ${OPERATORS.join(', ')}.`);
  const value = text(row.value);
  if (NO_VALUE.has(operator)) return { propertyName, operator };
  if (MANY_VALUES.has(operator)) {
    const values = value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length === 0) throw fail(`${operator} needs at least one value (comma-separated).`);
    return { propertyName, operator, values };
  }
  if (value === '') throw fail(`${operator} needs a value.`);
  if (operator === 'BETWEEN') {
    const highValue = text(row.high_value);
    if (highValue === '') throw fail('BETWEEN needs a high value.');
    return { propertyName, operator, value, highValue };
  }
  return { propertyName, operator, value };
}

function groupOf(row: Row, n: number): number {
  const raw = text(row.group);
  const group = raw === '' ? 1 : Number(raw);
  if (!Number.isInteger(group) || group < 1 || group > SEARCH.maxFilterGroups)
    throw new FieldValidationError(
      CONDITIONS.key,
      CONDITIONS.label,
      `condition ${n}: group "${raw}" must be a whole number from 1 to ${SEARCH.maxFilterGroups}.`,
    );
  return group;
}

/** The conditions as HubSpot's `filterGroups`, in group-number order, checked against every limit first. */
export function filterGroupsFromInput(
  input: Record<string, unknown>,
  key: string = CONDITIONS.key,
): Array<{ filters: SearchFilter[] }> {
  const rows = rowsOf(input, key);
  if (rows.length > SEARCH.maxFiltersTotal)
    throw new FieldValidationError(
      CONDITIONS.key,
      CONDITIONS.label,
      `has ${rows.length} conditions; HubSpot allows at most ${SEARCH.maxFiltersTotal} in one search.`,
    );
  const groups = new Map<number, SearchFilter[]>();
  rows.forEach((row, i) => {
    const group = groupOf(row, i + 1);
    groups.set(group, [...(groups.get(group) ?? []), filterOf(row, i + 1)]);
  });
  for (const [group, filters] of groups)
    if (filters.length > SEARCH.maxFiltersPerGroup)
      throw new FieldValidationError(
        CONDITIONS.key,
        CONDITIONS.label,
        `group ${group} has ${filters.length} conditions; HubSpot allows at most ${SEARCH.maxFiltersPerGroup} in a group.`,
      );
  return [...groups.keys()].sort((a, b) => a - b).map((g) => ({ filters: groups.get(g)! }));
}
