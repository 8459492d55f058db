/**
 * From what a user maps in Zapier or Make to the string HubSpot accepts, by property definition. Pure: no I/O.
 * Value formats: https://developers.hubspot.com/docs/api/crm/properties (date = midnight UTC, `YYYY-MM-DD` or epoch
 * ms; datetime = epoch ms or ISO UTC; multiple checkboxes `;`-joined; an empty string clears a value).
 */
import type { ErrorKind } from './errors';
import { MAX_PROPERTY_VALUE_LENGTH } from './limits';
import type { PropertyDefinition, PropertyOption } from './propertyDefinition';
import { formatCalendarDate, instantOf, isValidTimeZone, wallTimeAt } from './timeZone';

export interface OwnerRef {
  id: string;
  email?: string;
}

export interface CoerceOptions {
  /** The user's IANA time zone, for dates and datetimes written without an offset. Default UTC. */
  timezone?: string;
  /** Owners, to accept an owner's email where an owner id is expected. */
  owners?: readonly OwnerRef[];
}

/** A mapped value HubSpot would reject; names the field by label and internal name and says what is allowed. */
export class FieldValidationError extends Error {
  override readonly name = 'FieldValidationError';
  /** Invalid input: the user must change the mapped value; repeating the step cannot help. */
  readonly kind: ErrorKind = 'invalid-input';
  constructor(
    readonly property: string,
    readonly label: string,
    readonly reason: string,
  ) {
    super(`${label} (${property}): ${reason}`);
  }
}

type Coercer = (raw: unknown, def: PropertyDefinition, opts: CoerceOptions) => string;

function fail(def: PropertyDefinition, reason: string): never {
  throw new FieldValidationError(def.name, def.label || def.name, reason);
}

function text(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on', 'y']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'off', 'n']);

const coerceBool: Coercer = (raw, def) => {
  if (typeof raw === 'boolean') return String(raw);
  const word = text(raw).toLowerCase();
  if (TRUE_WORDS.has(word)) return 'true';
  if (FALSE_WORDS.has(word)) return 'false';
  const option = def.options?.find((o) => o.label.toLowerCase() === word);
  if (option) return option.value;
  return fail(def, `"${text(raw)}" is not a yes/no value. Use true or false (also yes/no, 1/0, on/off).`);
};

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Only forms that cannot be read two ways: `1,234,567`, `1,234.5`, `1 234.5`, `1.234.567`, `1.234,5`. */
const GROUPED: ReadonlyArray<[RegExp, (s: string) => string]> = [
  [/^[+-]?\d{1,3}(,\d{3}){2,}(\.\d+)?$/, (s) => s.replace(/,/g, '')],
  [/^[+-]?\d{1,3}(,\d{3})+\.\d+$/, (s) => s.replace(/,/g, '')],
  [/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+(\.\d+)?$/, (s) => s.replace(/[ \u00a0\u202f]/g, '')],
  [/^[+-]?\d{1,3}(\.\d{3}){2,}$/, (s) => s.replace(/\./g, '')],
  [/^[+-]?\d{1,3}(\.\d{3})+,\d+$/, (s) => s.replace(/\./g, '').replace(',', '.')],
];

const coerceNumber: Coercer = (raw, def) => {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? String(raw) : fail(def, 'must be a finite number.');
  }
  const s = text(raw);
  if (PLAIN_NUMBER.test(s)) return s.replace(/^\+/, '');
  for (const [pattern, normalise] of GROUPED) {
    if (pattern.test(s)) return normalise(s).replace(/^\+/, '');
  }
  return fail(
    def,
    `"${s}" is not a number HubSpot can read unambiguously. Use digits with a dot for decimals, for example 1234.5.`,
  );
};

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date and time without an offset: taken as wall time in the user's time zone. */
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const ZONED_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function timeZoneOf(def: PropertyDefinition, opts: CoerceOptions): string {
  const zone = opts.timezone ?? 'UTC';
  return isValidTimeZone(zone)
    ? zone
    : fail(def, `the time zone "${zone}" is not a valid IANA time zone name.`);
}

/** Epoch seconds (up to 11 digits) or milliseconds. */
function epochMs(s: string): number | undefined {
  if (!/^-?\d{9,14}$/.test(s)) return undefined;
  const n = Number(s);
  return Math.abs(n) < 1e11 ? n * 1000 : n;
}

type Parsed = { kind: 'day'; day: string } | { kind: 'instant'; ms: number; zonedDay?: string };

function parseMoment(raw: unknown, def: PropertyDefinition, zone: string): Parsed {
  if (raw instanceof Date) return { kind: 'instant', ms: raw.getTime() };
  if (typeof raw === 'number') return { kind: 'instant', ms: epochMs(String(Math.trunc(raw))) ?? raw };
  const s = text(raw);
  const day = DATE_ONLY.exec(s);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (validDay(y, m, d)) return { kind: 'day', day: s };
    return fail(def, `"${s}" is not a real calendar date.`);
  }
  const local = LOCAL_DATETIME.exec(s);
  if (local) {
    const [y, mo, d, h, mi, sec, ms] = local.slice(1).map((v) => Number(v ?? 0)) as number[];
    if (!validDay(y!, mo!, d!)) return fail(def, `"${s}" is not a real calendar date.`);
    const wall = { year: y!, month: mo!, day: d!, hour: h!, minute: mi!, second: sec!, millisecond: ms! };
    return { kind: 'instant', ms: instantOf(wall, zone) };
  }
  if (ZONED_DATETIME.test(s) && !Number.isNaN(Date.parse(s))) {
    // The calendar day as written, for when no time zone was given (the offset is the user's zone).
    return { kind: 'instant', ms: Date.parse(s), zonedDay: s.slice(0, 10) };
  }
  const epoch = epochMs(s);
  if (epoch !== undefined) return { kind: 'instant', ms: epoch };
  return fail(
    def,
    `"${s}" is not a date HubSpot can use. Use YYYY-MM-DD, an ISO 8601 date-time, or epoch milliseconds.`,
  );
}

const coerceDate: Coercer = (raw, def, opts) => {
  const zone = timeZoneOf(def, opts);
  const parsed = parseMoment(raw, def, zone);
  if (parsed.kind === 'day') return parsed.day;
  if (parsed.zonedDay && !opts.timezone) return parsed.zonedDay;
  return formatCalendarDate(wallTimeAt(parsed.ms, zone));
};

const coerceDatetime: Coercer = (raw, def, opts) => {
  const zone = timeZoneOf(def, opts);
  const parsed = parseMoment(raw, def, zone);
  const ms =
    parsed.kind === 'instant'
      ? parsed.ms
      : instantOf({ ...dayParts(parsed.day), hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
  return new Date(ms).toISOString();
};

function dayParts(day: string): { year: number; month: number; day: number } {
  const [year, month, d] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: d };
}

function matchOption(def: PropertyDefinition, value: string): PropertyOption | undefined {
  const options = def.options ?? [];
  const lower = value.toLowerCase();
  return (
    options.find((o) => o.value === value) ??
    options.find((o) => o.label.toLowerCase() === lower) ??
    options.find((o) => o.value.toLowerCase() === lower)
  );
}

function allowed(def: PropertyDefinition): string {
  const shown = (def.options ?? []).filter((o) => !o.hidden);
  return shown.map((o) => (o.label === o.value ? o.label : `${o.label} (${o.value})`)).join(', ');
}

const coerceEnumeration: Coercer = (raw, def) => {
  const value = text(raw);
  if (!def.options || def.options.length === 0) return value;
  return (
    matchOption(def, value)?.value ??
    fail(def, `"${value}" is not one of its options. Allowed: ${allowed(def)}.`)
  );
};

function splitList(raw: unknown, def: PropertyDefinition): string[] {
  if (Array.isArray(raw)) return raw.map(text).filter((v) => v !== '');
  const s = text(raw);
  // A whole value that is one option (even with a comma in its label) stays whole.
  if (matchOption(def, s)) return [s];
  return s
    .split(s.includes(';') ? ';' : ',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const coerceCheckboxes: Coercer = (raw, def, opts) => {
  const values = splitList(raw, def).map((v) => coerceEnumeration(v, def, opts));
  return [...new Set(values)].join(';');
};

const coerceOwner: Coercer = (raw, def, opts) => {
  const value = text(raw);
  const owners = opts.owners;
  if (!owners) {
    if (/^\d+$/.test(value)) return value;
    return fail(def, `"${value}" is not an owner id (a number). Pick an owner, or give an owner id.`);
  }
  const lower = value.toLowerCase();
  const owner = owners.find((o) => o.id === value) ?? owners.find((o) => o.email?.toLowerCase() === lower);
  return owner?.id ?? fail(def, `no HubSpot owner has the id or email "${value}".`);
};

const coerceText: Coercer = (raw) => (typeof raw === 'string' ? raw : String(raw));

/** Which coercer a definition gets: owner, then `fieldType` (multi-checkbox), then `type`. */
export const COERCERS = {
  owner: coerceOwner,
  checkbox: coerceCheckboxes,
  bool: coerceBool,
  date: coerceDate,
  datetime: coerceDatetime,
  enumeration: coerceEnumeration,
  number: coerceNumber,
  phone_number: coerceText,
  string: coerceText,
} as const satisfies Record<string, Coercer>;

export function isOwnerProperty(def: PropertyDefinition): boolean {
  return def.referencedObjectType === 'OWNER' || def.name === 'hubspot_owner_id';
}

export function coercerFor(def: PropertyDefinition): Coercer {
  if (isOwnerProperty(def)) return COERCERS.owner;
  if (def.type === 'enumeration' && def.fieldType === 'checkbox') return COERCERS.checkbox;
  return COERCERS[def.type as keyof typeof COERCERS] ?? coerceText;
}

const count = (n: number) => n.toLocaleString('en-US');

/** HubSpot refuses a longer value (`MAX_PROPERTY_VALUE_LENGTH`); say so before anything is sent. */
function withinLimit(def: PropertyDefinition, value: string): string {
  if (value.length <= MAX_PROPERTY_VALUE_LENGTH) return value;
  return fail(
    def,
    `is ${count(value.length)} characters long; HubSpot accepts at most ${count(MAX_PROPERTY_VALUE_LENGTH)}.`,
  );
}

/**
 * One value. `undefined`/`null` → `undefined` (leave the property alone); `''` → `''` (clear it in HubSpot).
 * The length is checked before coercing too, so no coercer's message ever quotes a huge value.
 */
export function coerceValue(
  def: PropertyDefinition,
  raw: unknown,
  opts: CoerceOptions = {},
): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw === '' || (Array.isArray(raw) && raw.length === 0)) return '';
  if (typeof raw === 'string') withinLimit(def, raw);
  return withinLimit(def, coercerFor(def)(raw, def, opts));
}

/**
 * A whole `properties` object. Names without a definition pass through as strings (HubSpot names the unknown
 * ones itself). Every field's problem goes into one error, so the user sees them all at once.
 */
export function coerceProperties(
  defs: readonly PropertyDefinition[],
  values: Readonly<Record<string, unknown>>,
  opts: CoerceOptions = {},
): Record<string, string> {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const out: Record<string, string> = {};
  const problems: FieldValidationError[] = [];
  for (const [name, raw] of Object.entries(values)) {
    const def = byName.get(name) ?? { name, label: name, type: 'string' };
    try {
      const value = coerceValue(def, raw, opts);
      if (value !== undefined) out[name] = value;
    } catch (error) {
      if (!(error instanceof FieldValidationError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) {
    const first = problems[0]!;
    const all = new FieldValidationError(first.property, first.label, first.reason);
    all.message = problems.map((p) => p.message).join(' ');
    throw all;
  }
  return out;
}
