import type { PropertyIssue } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { PropertyDef } from '../model';
import type { Portal } from '../portal';
import { runtimeOptions } from './runtimeOptions';

/**
 * Property values on a write, checked the way HubSpot checks them: every problem of the request is collected and
 * answered in one 400 "Property values were not valid" (https://developers.hubspot.com/docs/api-reference/error-handling).
 * Values are normalised to what HubSpot answers afterwards: numbers as given, booleans lower-case, dates
 * `YYYY-MM-DD`, datetimes ISO-8601 with milliseconds. An empty string clears the value and is always accepted
 * (https://developers.hubspot.com/docs/api/crm/contacts, "update").
 */

export interface CheckedValues {
  /** Normalised values, `''` meaning "clear". */
  values: Record<string, string>;
  issues: PropertyIssue[];
}

/**
 * The longest value a property holds: "Single-line text ... up to 65,536 characters" (the sandbox's own reading of
 * https://knowledge.hubspot.com/properties/property-field-types-in-hubspot). The error code and wording HubSpot
 * answers for a longer one are UNVERIFIED.
 */
const MAX_VALUE_LENGTH = 65_536;

/** HubSpot accepts JSON numbers and booleans for property values and stores them as strings. */
export function stringValue(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return JSON.stringify(raw);
}

/** `current` holds the record's values on an update, so a stage is checked against the record's pipeline. */
export function checkValues(
  portal: Portal,
  type: ObjectTypeDef,
  input: Record<string, unknown>,
  current: Readonly<Record<string, string>> = {},
): CheckedValues {
  const context: WriteContext = { portal, type, values: { ...current, ...input } };
  const values: Record<string, string> = {};
  const issues: PropertyIssue[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const def = portal.properties.get(type, name);
    if (!def) {
      issues.push(issue(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`));
      continue;
    }
    if (def.readOnlyValue || def.calculated) {
      const kind = def.calculated ? 'calculated' : 'read only';
      issues.push(
        issue(name, 'READ_ONLY_VALUE', `"${name}" is a ${kind} property; its value cannot be set.`),
      );
      continue;
    }
    const value = stringValue(raw).trim() === '' ? '' : stringValue(raw);
    if (value === '') {
      values[name] = '';
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) {
      issues.push(
        issue(
          name,
          'INVALID_PROPERTY_VALUE',
          `${name} is ${value.length} characters long; a property value holds at most ${MAX_VALUE_LENGTH}.`,
        ),
      );
      continue;
    }
    const checked = checkValue(context, def, value);
    if (typeof checked === 'string') values[name] = checked;
    else issues.push(checked);
  }
  return { values, issues };
}

/** What a value is checked against: the object type and every value of the write (with the record's, on update). */
interface WriteContext {
  portal: Portal;
  type: ObjectTypeDef;
  values: Readonly<Record<string, unknown>>;
}

/** One non-empty value: its normalised form, or the issue HubSpot reports for it. */
function checkValue(at: WriteContext, def: PropertyDef, value: string): string | PropertyIssue {
  const { name } = def;
  switch (def.type) {
    case 'number':
      return NUMBER.test(value.trim())
        ? value.trim()
        : issue(name, 'INVALID_INTEGER', `${value} was not a valid number.`);
    case 'bool': {
      const lower = value.trim().toLowerCase();
      if (lower === 'true' || lower === 'false') return lower;
      return issue(name, 'INVALID_BOOLEAN', `${value} was not a valid boolean. Use true or false.`);
    }
    case 'date':
      return checkDate(name, value);
    case 'datetime': {
      const ms = toEpochMs(value);
      if (Number.isNaN(ms)) {
        return issue(
          name,
          'INVALID_DATETIME',
          `${value} is not a valid datetime. Use epoch milliseconds or ISO-8601.`,
        );
      }
      return new Date(ms).toISOString();
    }
    case 'enumeration':
      return checkOption(at, def, value);
    default:
      if (at.type.objectTypeId === '0-1' && name === 'email' && !EMAIL.test(value.trim())) {
        return issue(name, 'INVALID_EMAIL', `Email address ${value} is invalid`);
      }
      return value;
  }
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Deliberately loose, like HubSpot's: one `@`, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Date properties hold a calendar day: midnight-UTC epoch ms or `YYYY-MM-DD`
 * (https://developers.hubspot.com/docs/api/crm/properties#date-and-datetime-values). Any other time of day is refused
 * with HubSpot's "is at … UTC, not midnight!".
 */
function checkDate(name: string, value: string): string | PropertyIssue {
  const text = value.trim();
  const day = DAY.exec(text);
  const ms = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : toEpochMs(text);
  if (Number.isNaN(ms) || (day && new Date(ms).toISOString().slice(0, 10) !== text)) {
    return issue(
      name,
      'INVALID_DATE',
      `${value} is not a valid date. Use midnight UTC epoch milliseconds or YYYY-MM-DD.`,
    );
  }
  const rest = ms % 86_400_000;
  if (rest !== 0) {
    const at = new Date(ms);
    const time = `${at.getUTCHours()}:${at.getUTCMinutes()}:${at.getUTCSeconds()}.${at.getUTCMilliseconds()}`;
    return issue(name, 'INVALID_DATE', `${value} is at ${time} UTC, not midnight!`);
  }
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms from an epoch-ms string or an ISO date/datetime; NaN when neither. */
export function toEpochMs(value: string): number {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return Number.NaN;
  return Date.parse(value);
}

/**
 * Single-choice values must be one option's value; multiple-checkbox values are `;`-joined and each must be one.
 * Options of pipelines, stages and owners are the portal's, so they come from those stores (`runtimeOptions`); when
 * no store governs a property with no options of its own, any value passes.
 */
function checkOption(at: WriteContext, def: PropertyDef, value: string): string | PropertyIssue {
  let allowed: readonly string[] | undefined = def.options.map((o) => o.value);
  if (allowed.length === 0) allowed = runtimeOptions(at.portal, at.type, def.name, at.values);
  if (!allowed) return value;
  const chosen = def.fieldType === 'checkbox' ? value.split(';').filter((v) => v !== '') : [value];
  const wrong = chosen.find((v) => !allowed.includes(v));
  if (wrong === undefined) return value;
  return issue(
    def.name,
    'INVALID_OPTION',
    `${wrong} was not one of the allowed options: [${allowed.join(', ')}]`,
  );
}

export const issue = (name: string, error: PropertyIssue['error'], message: string): PropertyIssue => ({
  name,
  error,
  message,
});
