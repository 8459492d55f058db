import { coerceProperties, coerceValue, FieldValidationError } from '../../hubspot/coerce';
import type { PropertyDefinition } from '../../hubspot/propertyDefinition';

const def = (type: string, extra: Partial<PropertyDefinition> = {}): PropertyDefinition => ({
  name: `p_${type}`,
  label: `My ${type}`,
  type,
  ...extra,
});
const date = def('date', { fieldType: 'date' });
const datetime = def('datetime', { fieldType: 'date' });
const number = def('number');
const bool = def('bool', { fieldType: 'booleancheckbox' });
const select = def('enumeration', {
  fieldType: 'select',
  options: [
    { label: 'New', value: 'NEW' },
    { label: 'In progress', value: 'IN_PROGRESS' },
  ],
});
const checkbox = def('enumeration', {
  name: 'colors',
  label: 'Colors',
  fieldType: 'checkbox',
  options: [
    { label: 'Red', value: 'red' },
    { label: 'Blue, dark', value: 'blue_dark' },
    { label: 'Green', value: 'green' },
  ],
});
const owner = def('enumeration', {
  name: 'hubspot_owner_id',
  label: 'Contact owner',
  referencedObjectType: 'OWNER',
});
const owners = [{ id: '111', email: 'ann@x.test' }];

// Rows are spread into a rest parameter: with more named parameters than row items, jest would pass `done`.
type OkCase = [string, PropertyDefinition, unknown, string, object?];
const ok: OkCase[] = [
  ['date as YYYY-MM-DD', date, '2024-02-29', '2024-02-29'],
  ['date from ISO UTC', date, '2024-03-05T00:00:00Z', '2024-03-05'],
  ['date from a datetime in the user offset keeps that day', date, '2024-03-05T23:30:00-05:00', '2024-03-05'],
  [
    'date from UTC instant in the user time zone',
    date,
    '2024-03-06T02:00:00Z',
    '2024-03-05',
    { timezone: 'America/New_York' },
  ],
  ['date from a local datetime', date, '2024-03-05 23:30', '2024-03-05', { timezone: 'Asia/Tokyo' }],
  ['date from epoch seconds', date, '1709596800', '2024-03-05'],
  ['date from epoch ms number', date, 1709596800000, '2024-03-05'],
  ['datetime from ISO with offset', datetime, '2024-03-05T10:00:00+02:00', '2024-03-05T08:00:00.000Z'],
  [
    'datetime local wall time in the user zone',
    datetime,
    '2024-07-01T09:00',
    '2024-07-01T07:00:00.000Z',
    { timezone: 'Europe/Berlin' },
  ],
  [
    'datetime from a date is midnight in the user zone',
    datetime,
    '2024-01-10',
    '2024-01-10T05:00:00.000Z',
    { timezone: 'America/New_York' },
  ],
  ['datetime from epoch ms', datetime, '1709596800123', '2024-03-05T00:00:00.123Z'],
  ['plain number', number, '1234.50', '1234.50'],
  ['negative number', number, '-3', '-3'],
  ['JS number', number, 42.5, '42.5'],
  ['thousands with dot decimals', number, '1,234.50', '1234.50'],
  ['several comma groups', number, '1,234,567', '1234567'],
  ['space groups', number, '1 234 567.5', '1234567.5'],
  ['European grouping', number, '1.234,5', '1234.5'],
  ['bool yes', bool, 'Yes', 'true'],
  ['bool OFF', bool, 'OFF', 'false'],
  ['bool 1', bool, 1, 'true'],
  ['bool true', bool, true, 'true'],
  ['enumeration by value', select, 'IN_PROGRESS', 'IN_PROGRESS'],
  ['enumeration by label, any case', select, 'in progress', 'IN_PROGRESS'],
  ['checkboxes from an array', checkbox, ['Red', 'green'], 'red;green'],
  ['checkboxes from a comma list', checkbox, 'red, Green', 'red;green'],
  ['checkboxes from a semicolon list with a comma label', checkbox, 'Blue, dark;red', 'blue_dark;red'],
  ['owner by email', owner, 'ANN@x.test', '111', { owners }],
  ['owner by id', owner, '111', '111', { owners }],
  ['owner id without a list', owner, '222', '222'],
  ['empty string clears', number, '', ''],
  ['string passes through', def('string'), '  kept  ', '  kept  '],
  ['a text of exactly 65,536 characters', def('string'), 'x'.repeat(65_536), 'x'.repeat(65_536)],
];

test.each(ok)('%s', (...[_name, property, input, expected, opts]: OkCase) => {
  expect(coerceValue(property, input, opts)).toBe(expected);
});

type BadCase = [string, PropertyDefinition, unknown, RegExp, object?];
const bad: BadCase[] = [
  ['ambiguous single comma group', number, '1,234', /not a number HubSpot can read unambiguously/],
  ['decimal comma alone', number, '1,5', /Use digits with a dot/],
  ['currency text', number, '$12', /not a number/],
  ['not a bool', bool, 'maybe', /not a yes\/no value/],
  [
    'unknown option lists the allowed ones',
    select,
    'Closed',
    /My enumeration \(p_enumeration\): "Closed" is not one of its options\. Allowed: New \(NEW\), In progress \(IN_PROGRESS\)\./,
  ],
  ['one bad checkbox', checkbox, 'red;purple', /Colors \(colors\): "purple"/],
  ['impossible date', date, '2023-02-29', /not a real calendar date/],
  ['unreadable date', date, 'next tuesday', /Use YYYY-MM-DD/],
  ['bad time zone', date, '2024-01-01T10:00', /not a valid IANA time zone/, { timezone: 'Mars/Base' }],
  [
    'unknown owner email',
    owner,
    'bob@x.test',
    /no HubSpot owner has the id or email "bob@x.test"/,
    { owners },
  ],
  ['owner email without a list', owner, 'bob@x.test', /not an owner id/],
  [
    'a text over 65,536 characters, naming the field, the length and the limit',
    def('string'),
    'x'.repeat(2_000_000),
    /^My string \(p_string\): is 2,000,000 characters long; HubSpot accepts at most 65,536\.$/,
  ],
  [
    'a number given as an over-long text',
    number,
    '1'.repeat(65_537),
    /My number \(p_number\): is 65,537 characters long/,
  ],
];

test.each(bad)('rejects %s', (...[_name, property, input, message, opts]: BadCase) => {
  expect(() => coerceValue(property, input, opts)).toThrow(FieldValidationError);
  expect(() => coerceValue(property, input, opts)).toThrow(message);
});

test('null and undefined leave the property out', () => {
  expect(coerceProperties([number, bool], { p_number: null, p_bool: undefined, other: 7 })).toEqual({
    other: '7',
  });
});

test('coerceProperties reports every bad field in one error', () => {
  const run = () => coerceProperties([number, bool], { p_number: 'abc', p_bool: 'maybe' });
  expect(run).toThrow(/My number \(p_number\).*My bool \(p_bool\)/);
});
