/**
 * The IML functions the generator emits, with Make's semantics (https://developers.make.com/custom-apps-documentation/block-elements/iml and
 * help.make.com's function pages): `ifempty` treats undefined, null and "" as empty; arrays are 1-based where an
 * index is taken; dates are Date objects that format to ISO 8601. A function the generator starts emitting must be
 * added here, or the evaluator refuses it (so tests catch IML this harness cannot run).
 */

export const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

export function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v);
  if (typeof v === 'string' && v !== '') {
    const parsed = /^\d+$/.test(v) ? new Date(Number(v)) : new Date(v);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  return undefined;
}

export function imlString(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function formatDate(value: unknown, format: unknown): string {
  const date = toDate(value);
  if (!date) return '';
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
  };
  return String(format).replace(/YYYY|MM|DD|HH|mm|ss|x|X/g, (t) => tokens[t]!());
}

const add = (ms: number) => (date: unknown, amount: unknown) => {
  const d = toDate(date);
  return d ? new Date(d.getTime() + Number(amount) * ms) : undefined;
};

/** `get(obj, 'a.b')` with Make's 1-based numeric segments. */
function getPath(obj: unknown, path: unknown): unknown {
  let current: unknown = obj;
  for (const part of String(path).split('.')) {
    if (current === undefined || current === null) return undefined;
    if (Array.isArray(current) && /^-?\d+$/.test(part)) current = at(current, Number(part));
    else current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Make's arrays are 1-based; a negative index counts from the end. */
export function at(array: readonly unknown[], index: number): unknown {
  return index < 0 ? array[array.length + index] : array[index - 1];
}

export const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  if: (condition, a, b) => (condition ? a : b),
  ifempty: (a, b) => (isEmpty(a) ? b : a),
  switch: (value, ...cases) => {
    for (let i = 0; i + 1 < cases.length; i += 2) if (cases[i] === value) return cases[i + 1];
    return cases.length % 2 === 1 ? cases[cases.length - 1] : undefined;
  },
  get: getPath,
  omit: (obj, ...keys) =>
    Object.fromEntries(Object.entries((obj ?? {}) as object).filter(([k]) => !keys.includes(k))),
  pick: (obj, ...keys) =>
    Object.fromEntries(Object.entries((obj ?? {}) as object).filter(([k]) => keys.includes(k))),
  join: (array, separator) => (Array.isArray(array) ? array.map(imlString).join(String(separator)) : ''),
  // map(array, key, [filterKey], [filterValues]): values of `key`, of the items whose `filterKey` is one of the values.
  map: (array, key, filterKey, filterValues) => {
    if (!Array.isArray(array)) return [];
    const allowed = Array.isArray(filterValues)
      ? filterValues.map(imlString)
      : imlString(filterValues).split(',');
    return array
      .filter((item) => filterKey === undefined || allowed.includes(imlString(getPath(item, filterKey))))
      .map((item) => getPath(item, key))
      .filter((v: unknown) => v !== undefined && v !== null);
  },
  merge: (...arrays) => arrays.flatMap((a) => (Array.isArray(a) ? a : [])),
  length: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : 0),
  contains: (haystack, needle) =>
    Array.isArray(haystack)
      ? haystack.includes(needle)
      : typeof haystack === 'string' && haystack.includes(imlString(needle)),
  keys: (obj) => Object.keys((obj ?? {}) as object),
  first: (array) => (Array.isArray(array) ? array[0] : undefined),
  last: (array) => (Array.isArray(array) ? array[array.length - 1] : undefined),
  deduplicate: (array) => (Array.isArray(array) ? [...new Set(array)] : []),
  // remove(array, value1, value2, ...): the array without those primitive values.
  remove: (array, ...values) => (Array.isArray(array) ? array.filter((v) => !values.includes(v)) : []),
  // Text functions: `substring` is 0-based with an exclusive end; `replace` with a text (not a /regex/) replaces all.
  substring: (text, start, end) =>
    imlString(text).substring(Number(start), end === undefined ? undefined : Number(end)),
  replace: (text, search, replacement) =>
    imlString(text).split(imlString(search)).join(imlString(replacement)),
  split: (text, separator) => (isEmpty(text) ? [] : imlString(text).split(imlString(separator))),
  toArray: (collection) =>
    Object.entries((collection ?? {}) as object).map(([key, value]) => ({ key, value })),
  createJSON: (v) => JSON.stringify(v),
  parseJSON: (v) => JSON.parse(imlString(v)),
  toCollection: (array, keyName, valueName) =>
    Object.fromEntries(
      (Array.isArray(array) ? array : []).map((item) => [
        imlString(getPath(item, keyName)),
        getPath(item, valueName),
      ]),
    ),
  encodeURL: (v) => encodeURIComponent(imlString(v)),
  trim: (v) => imlString(v).trim(),
  lower: (v) => imlString(v).toLowerCase(),
  toString: (v: unknown) => imlString(v),
  formatDate,
  parseDate: (v) => toDate(v),
  addSeconds: add(1000),
  addMinutes: add(60_000),
};
