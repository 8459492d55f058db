/**
 * The IML functions the generated app may use, each with the semantics Make documents and nothing more: a call
 * outside what its page documents (a missing argument, a value of another type, an empty value where the page shows
 * none) throws "not documented by Make: …" instead of guessing, so a test fails where real Make might behave
 * otherwise. Each entry names the page it follows. App IML separates arguments with commas
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml); the function pages at help.make.com
 * show the scenario syntax, with semicolons. A function not listed here is refused by the evaluator.
 */

export class NotDocumentedError extends Error {
  override name = 'NotDocumentedError';
  constructor(what: string) {
    super(`not documented by Make: ${what}`);
  }
}

export function notDocumented(what: string): never {
  throw new NotDocumentedError(what);
}

const GENERAL = 'https://help.make.com/general-functions';
const TEXT = 'https://help.make.com/text-and-binary-functions';
const ARRAY = 'https://help.make.com/array-functions';
const DATE = 'https://help.make.com/date-and-time-functions';
const IML_PAGE = 'https://developers.make.com/custom-apps-documentation/block-elements/iml';
const JSON_PAGE =
  'https://developers.make.com/custom-apps-documentation/component-blocks/api/processing-of-json-strings-inside-a-json-object';

/** `ifempty`'s definition of empty: "not defined, null, or an empty string" (the IML page). */
export const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

export const isCollection = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !(v instanceof Uint8Array);

/** A short description of a value for error messages (never the value itself: it may be a token). */
export function kindOf(v: unknown): string {
  if (v === undefined) return 'an undefined value';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Date) return 'a date';
  if (v instanceof Uint8Array) return 'a buffer';
  if (typeof v === 'object') return 'a collection';
  return `a ${typeof v === 'string' ? 'text' : typeof v}`;
}

/** Make's dates: a Date, or a text in ISO 8601 (how dates travel between modules and in connection data). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export function toDate(v: unknown, where: string): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string' && ISO_8601.test(v)) return new Date(v);
  return notDocumented(`${where} of ${kindOf(v)} (Make documents a date)`);
}

function text(v: unknown, where: string): string {
  if (typeof v === 'string') return v;
  // A number mapped into a text parameter is text to Make (its value is converted when mapped).
  if (typeof v === 'number') return String(v);
  return notDocumented(`${where} of ${kindOf(v)} (Make documents a text)`);
}

function array(v: unknown, where: string): unknown[] {
  if (Array.isArray(v)) return v;
  return notDocumented(`${where} of ${kindOf(v)} (Make documents an array)`);
}

function arity(name: string, args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max)
    notDocumented(
      `${name}() with ${args.length} argument(s) (Make documents ${min === max ? min : `${min} to ${max}`})`,
    );
}

/** Make's arrays are 1-based, and -1 is the last item (the IML page); 0 or a fraction is not an index there. */
export function at(items: readonly unknown[], index: unknown): unknown {
  if (typeof index !== 'number' || !Number.isInteger(index) || index === 0)
    return notDocumented(
      `the array index ${String(index)} (Make documents 1 for the first item, -1 for the last)`,
    );
  return index < 0 ? items[items.length + index] : items[index - 1];
}

/** `get(object or array; path)`: dot notation, numeric segments 1-based on arrays (general functions page). */
function getPath(obj: unknown, path: unknown): unknown {
  if (!isCollection(obj) && !Array.isArray(obj)) return notDocumented(`get() on ${kindOf(obj)}`);
  let current: unknown = obj;
  for (const part of text(path, 'get() path').split('.')) {
    if (current === undefined || current === null) return undefined;
    if (Array.isArray(current)) current = /^-?\d+$/.test(part) ? at(current, Number(part)) : undefined;
    else if (isCollection(current)) current = current[part];
    else return notDocumented(`get() into ${kindOf(current)}`);
  }
  return current;
}

/** Text of a primitive as Make shows it inside text: numbers and booleans as written, dates in ISO 8601. */
export function imlText(v: unknown, where: string): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return notDocumented(`${kindOf(v)} ${where}`);
}

/**
 * `replace(text; search; replacement)`: "Replaces the search string with the new string", the page's example having
 * one occurrence; a search enclosed in `/…/` is a regular expression with flags "such as g, i, m", whose replacement
 * may hold `$&` and `$n`. So a plain search found more than once is refused (use `/…/g`), as are other flags and
 * other `$` patterns.
 */
function replace(...args: unknown[]): string {
  arity('replace', args, 3);
  const source = text(args[0], 'replace()');
  const search = text(args[1], 'replace() search');
  const replacement = text(args[2], 'replace() replacement');
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(search);
  if (!regex) {
    if (replacement.includes('$')) notDocumented('replace() with "$" in the replacement of a plain search');
    const first = source.indexOf(search);
    if (search === '' || (first >= 0 && source.indexOf(search, first + search.length) >= 0))
      notDocumented(
        `replace() of a plain search found more than once (Make documents one replacement; use a /regex/g)`,
      );
    return first < 0 ? source : source.slice(0, first) + replacement + source.slice(first + search.length);
  }
  const [, pattern, flags] = regex;
  if (!/^[gim]*$/.test(flags!)) notDocumented(`replace() with the regular expression flags "${flags}"`);
  if (/\$(?![&\d])/.test(replacement)) notDocumented('replace() with a "$" pattern other than $& and $n');
  return source.replace(new RegExp(pattern!, flags), replacement);
}

/**
 * `map(complex array; key; [key for filtering]; [possible values for filtering separated by a comma])`: the values
 * of `key`, every item's (an empty value stays: the page does not say it is left out), of the items whose filter
 * key's value is one of the comma-separated texts.
 */
function map(...args: unknown[]): unknown[] {
  arity('map', args, 2, 4);
  const items = array(args[0], 'map()');
  const key = text(args[1], 'map() key');
  if (args.length === 3) notDocumented('map() with a filter key and no filter values');
  const allowed = args.length === 4 ? text(args[3], 'map() filter values').split(',') : undefined;
  const filterKey = args.length === 4 ? text(args[2], 'map() filter key') : undefined;
  const value = (item: unknown, path: string) => (isCollection(item) ? getPath(item, path) : undefined);
  return items
    .filter((item) => {
      if (!allowed) return true;
      const v = value(item, filterKey!);
      return v !== undefined && v !== null && allowed.includes(imlText(v, 'as a map() filter value'));
    })
    .map((item) => value(item, key));
}

/**
 * `sort(array; [order]; [key])`: `asc` (the default) "1, 2, 3 … for type Number. A, B, C, a, b, c … for type Text",
 * `desc` the reverse; `key` reads a property of complex items, "use dot notation … the first item in an array is
 * index 1". The `ci` orders and arrays mixing types or holding empty values (the page does not place them) are
 * refused.
 */
function sort(...args: unknown[]): unknown[] {
  arity('sort', args, 1, 3);
  const items = array(args[0], 'sort()');
  const order = args[1] === undefined ? 'asc' : text(args[1], 'sort() order');
  if (order !== 'asc' && order !== 'desc')
    return notDocumented(`sort() in the order "${order}" by this runner`);
  const key = args[2] === undefined ? undefined : text(args[2], 'sort() key');
  const sortValue = (item: unknown) =>
    key === undefined ? item : isCollection(item) ? getPath(item, key) : undefined;
  const values = items.map(sortValue);
  const kinds = new Set(values.map((v) => typeof v));
  if (kinds.size > 1 || !(kinds.has('string') || kinds.has('number') || kinds.size === 0))
    return notDocumented(`sort() of ${[...kinds].join(' and ')} values`);
  // Code-point order puts capitals first, as the page's A, B, C, a, b, c.
  const compare = (a: unknown, b: unknown) =>
    typeof a === 'number' ? a - (b as number) : a! < b! ? -1 : a! > b! ? 1 : 0;
  const sorted = items
    .map((item, i) => ({ item, value: values[i] }))
    .sort((a, b) => compare(a.value, b.value))
    .map(({ item }) => item);
  return order === 'desc' ? sorted.reverse() : sorted;
}

/** `formatDate(date; format; [timezone])` with the tokens this runner knows; see the Tokens page of the date docs. */
function formatDate(...args: unknown[]): string {
  arity('formatDate', args, 2, 3);
  const date = toDate(args[0], 'formatDate()');
  const format = text(args[1], 'formatDate() format');
  const zone = args[2] === undefined ? undefined : text(args[2], 'formatDate() time zone');
  if (zone !== undefined && zone !== 'UTC')
    notDocumented(`formatDate() in the time zone ${zone} by this runner`);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const tokens: Record<string, () => string> = {
    x: () => String(date.getTime()),
    X: () => String(Math.floor(date.getTime() / 1000)),
    YYYY: () => String(date.getUTCFullYear()),
    MM: () => pad(date.getUTCMonth() + 1),
    DD: () => pad(date.getUTCDate()),
    HH: () => pad(date.getUTCHours()),
    mm: () => pad(date.getUTCMinutes()),
    ss: () => pad(date.getUTCSeconds()),
    SSS: () => pad(date.getUTCMilliseconds(), 3),
  };
  return format.replace(/YYYY|SSS|MM|DD|HH|mm|ss|[A-Za-z]/g, (token) => {
    if (!tokens[token]) return notDocumented(`the formatDate() token "${token}" by this runner`);
    // Without a time zone Make formats in the user's zone; only epoch tokens read the same in every zone.
    if (zone === undefined && token !== 'x' && token !== 'X')
      return notDocumented(`formatDate() token "${token}" without a time zone (Make uses the user's zone)`);
    return tokens[token]!();
  });
}

/**
 * `parseDate(text; format; [timezone])`: a text representing a date, parsed to a Date value with the format's tokens
 * (help.make.com date and time functions, and its tokens page: `x` is a Unix time in milliseconds, `X` in seconds).
 * This runner knows those two tokens only, which read the same in every time zone; HubSpot answers form submission
 * times in epoch milliseconds.
 */
function parseDate(...args: unknown[]): Date {
  arity('parseDate', args, 2, 3);
  const source = text(args[0], 'parseDate()');
  const format = text(args[1], 'parseDate() format');
  if ((format !== 'x' && format !== 'X') || !/^-?\d+$/.test(source))
    return notDocumented(`parseDate() of "${source}" with the format "${format}" by this runner`);
  return new Date(Number(source) * (format === 'X' ? 1000 : 1));
}

const add =
  (name: string, ms: number) =>
  (...args: unknown[]): Date => {
    arity(name, args, 2);
    const amount = args[1];
    if (typeof amount !== 'number')
      return notDocumented(`${name}() of ${kindOf(amount)} (Make documents a number)`);
    return new Date(toDate(args[0], `${name}()`).getTime() + amount * ms);
  };

function length(...args: unknown[]): number {
  arity('length', args, 1);
  const [v] = args;
  if (typeof v === 'string' || Array.isArray(v) || v instanceof Uint8Array) return v.length;
  return notDocumented(`length() of ${kindOf(v)} (Make documents a text, a buffer or an array)`);
}

function contains(...args: unknown[]): boolean {
  arity('contains', args, 2);
  const [haystack, needle] = args;
  if (Array.isArray(haystack)) return haystack.includes(needle);
  return text(haystack, 'contains()').includes(text(needle, 'contains() value'));
}

export interface ImlFunction {
  /** The page documenting it. */
  doc: string;
  run: (...args: unknown[]) => unknown;
}

export const FUNCTIONS: Record<string, ImlFunction> = {
  // Evaluated lazily by the evaluator: only the branch returned is evaluated (see evaluate.ts).
  if: {
    doc: GENERAL,
    run: (...args) => {
      arity('if', args, 3);
      return args[0] ? args[1] : args[2];
    },
  },
  ifempty: {
    doc: IML_PAGE,
    run: (...args) => {
      arity('ifempty', args, 2);
      return isEmpty(args[0]) ? args[1] : args[0];
    },
  },
  switch: {
    doc: GENERAL,
    run: (value, ...cases) => {
      if (cases.length < 2) notDocumented('switch() without a value and its result');
      for (let i = 0; i + 1 < cases.length; i += 2) if (cases[i] === value) return cases[i + 1];
      if (cases.length % 2 === 0) notDocumented('switch() matching no value and having no else');
      return cases[cases.length - 1];
    },
  },
  get: {
    doc: GENERAL,
    run: (...args) => {
      arity('get', args, 2);
      return getPath(args[0], args[1]);
    },
  },
  omit: {
    doc: GENERAL,
    run: (collection, ...keys) => {
      if (keys.length === 0) notDocumented('omit() without a key (Make documents key1 as required)');
      if (!isCollection(collection))
        return notDocumented(`omit() of ${kindOf(collection)} (Make documents a collection)`);
      const names = keys.map((k) => text(k, 'omit() key'));
      return Object.fromEntries(Object.entries(collection).filter(([k]) => !names.includes(k)));
    },
  },
  length: { doc: TEXT, run: length },
  lower: {
    doc: TEXT,
    run: (...args) => {
      arity('lower', args, 1);
      return text(args[0], 'lower()').toLowerCase();
    },
  },
  trim: {
    doc: TEXT,
    run: (...args) => {
      arity('trim', args, 1);
      return text(args[0], 'trim()').trim();
    },
  },
  replace: { doc: TEXT, run: replace },
  split: {
    doc: TEXT,
    run: (...args) => {
      arity('split', args, 2);
      return text(args[0], 'split()').split(text(args[1], 'split() separator'));
    },
  },
  // 0-based, the end excluded (the page's examples).
  substring: {
    doc: TEXT,
    run: (...args) => {
      arity('substring', args, 3);
      const [from, to] = [args[1], args[2]];
      if (typeof from !== 'number' || typeof to !== 'number')
        notDocumented('substring() with positions that are not numbers');
      return text(args[0], 'substring()').substring(from as number, to as number);
    },
  },
  encodeURL: {
    doc: TEXT,
    run: (...args) => {
      arity('encodeURL', args, 1);
      return encodeURIComponent(text(args[0], 'encodeURL()'));
    },
  },
  toString: {
    doc: TEXT,
    run: (...args: unknown[]) => {
      arity('toString', args, 1);
      const [v] = args;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
      return notDocumented(`toString() of ${kindOf(v)} by this runner`);
    },
  },
  contains: { doc: `${TEXT}, ${ARRAY}`, run: contains },
  deduplicate: {
    doc: ARRAY,
    run: (...args) => {
      arity('deduplicate', args, 1);
      return [...new Set(array(args[0], 'deduplicate()'))];
    },
  },
  // remove(array; value1; value2; ...): "Removes values specified in the parameters of an array", primitive values.
  remove: {
    doc: ARRAY,
    run: (...args) => {
      if (args.length < 2)
        notDocumented(`remove() with ${args.length} argument(s) (Make documents an array and values)`);
      const [items, ...values] = args;
      return array(items, 'remove()').filter((v) => !values.includes(v));
    },
  },
  first: {
    doc: ARRAY,
    run: (...args) => {
      arity('first', args, 1);
      return array(args[0], 'first()')[0];
    },
  },
  last: {
    doc: ARRAY,
    run: (...args) => {
      arity('last', args, 1);
      const items = array(args[0], 'last()');
      return items[items.length - 1];
    },
  },
  join: {
    doc: ARRAY,
    run: (...args) => {
      arity('join', args, 2);
      const items = array(args[0], 'join()');
      if (items.some(isEmpty)) notDocumented('join() of an array holding empty values');
      return items.map((v) => imlText(v, 'joined')).join(text(args[1], 'join() separator'));
    },
  },
  map: { doc: ARRAY, run: map },
  merge: {
    doc: ARRAY,
    run: (...arrays) => {
      if (arrays.length === 0) notDocumented('merge() without an array');
      return arrays.flatMap((a) => array(a, 'merge()'));
    },
  },
  // flatten(array): "all sub-array elements concatenated into it recursively up to the specified depth", as
  // Array.prototype.flat, which the page points to: one level unless a depth is given.
  flatten: {
    doc: ARRAY,
    run: (...args) => {
      arity('flatten', args, 1, 2);
      const depth = args[1] ?? 1;
      if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0)
        notDocumented(`flatten() to the depth ${String(depth)}`);
      return array(args[0], 'flatten()').flat(depth as number);
    },
  },
  sort: { doc: ARRAY, run: sort },
  toArray: {
    doc: ARRAY,
    run: (...args) => {
      arity('toArray', args, 1);
      const [v] = args;
      if (!isCollection(v)) return notDocumented(`toArray() of ${kindOf(v)} (Make documents a collection)`);
      return Object.entries(v).map(([key, value]) => ({ key, value }));
    },
  },
  // Make's REST universal-module example passes the optional `parameters.qs` as it is, so an unmapped (undefined)
  // array is an empty collection: https://developers.make.com/custom-apps-documentation/app-components/modules/universal-module/rest
  toCollection: {
    doc: ARRAY,
    run: (...args) => {
      arity('toCollection', args, 3);
      const [items, keyName, valueName] = args;
      if (items === undefined) return {};
      const keyPath = text(keyName, 'toCollection() key');
      const valuePath = text(valueName, 'toCollection() value');
      return Object.fromEntries(
        array(items, 'toCollection()').map((item) => {
          if (!isCollection(item)) return notDocumented(`toCollection() of an array of ${kindOf(item)}`);
          return [imlText(getPath(item, keyPath), 'as a toCollection() key'), getPath(item, valuePath)];
        }),
      );
    },
  },
  createJSON: {
    doc: JSON_PAGE,
    run: (...args) => {
      arity('createJSON', args, 1);
      if (args[0] === undefined) notDocumented('createJSON() of an undefined value');
      return JSON.stringify(args[0]);
    },
  },
  parseJSON: {
    doc: JSON_PAGE,
    run: (...args) => {
      arity('parseJSON', args, 1);
      const source = text(args[0], 'parseJSON()');
      try {
        return JSON.parse(source);
      } catch {
        throw new Error('IML parseJSON(): the text is not valid JSON');
      }
    },
  },
  formatDate: { doc: DATE, run: formatDate },
  parseDate: { doc: DATE, run: parseDate },
  // "To subtract …, enter a negative number."
  addSeconds: { doc: DATE, run: add('addSeconds', 1000) },
  addMinutes: { doc: DATE, run: add('addMinutes', 60_000) },
};
