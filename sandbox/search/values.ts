import type { PropertyDef } from '../model';

/**
 * How search compares one property's values, by property type. Rules from the search guide
 * (https://developers.hubspot.com/docs/api/crm/search#filter-search-results):
 * - values are case-insensitive, except enumerations, which are case-sensitive for every operator;
 * - dates and datetimes are compared as instants (filter values are epoch-ms strings; ISO strings are accepted too);
 * - numbers are compared as numbers.
 * The hash index (`hashIndex.ts`) and the EQ/IN predicates both go through `valueKeys`, so an indexed lookup and a
 * scan can never disagree.
 */
export type ValueKind = 'number' | 'instant' | 'enumeration' | 'multi' | 'bool' | 'text';

export function kindOf(def: Pick<PropertyDef, 'type' | 'fieldType'>): ValueKind {
  switch (def.type) {
    case 'number':
      return 'number';
    case 'date':
    case 'datetime':
      return 'instant';
    case 'bool':
      return 'bool';
    case 'enumeration':
      // Multiple checkboxes store `a;b;c`; a filter value matches any one of them (UNVERIFIED against HubSpot).
      return def.fieldType === 'checkbox' ? 'multi' : 'enumeration';
    default:
      return 'text';
  }
}

/** Epoch ms from an epoch-ms string or an ISO date/datetime; NaN when neither. */
export function toEpochMs(value: string): number {
  if (/^-?\d+$/.test(value)) return Number(value);
  return value.trim() === '' ? Number.NaN : Date.parse(value);
}

/** The comparable number of a number or instant value; NaN when it is not one. */
export function toNumber(kind: ValueKind, value: string): number {
  if (kind === 'instant') return toEpochMs(value);
  return value.trim() === '' ? Number.NaN : Number(value);
}

/**
 * The normalised key of one value, as the hash index stores it and EQ compares it. Numbers and instants become their
 * canonical number (`"10.0"` and `"10"` are equal), enumerations stay as they are, the rest is lower-cased.
 */
export function normaliseKey(kind: ValueKind, value: string): string {
  switch (kind) {
    case 'number':
    case 'instant': {
      const n = toNumber(kind, value);
      return Number.isNaN(n) ? value : String(n);
    }
    case 'enumeration':
    case 'multi':
      return value;
    default:
      return value.toLowerCase();
  }
}

/** Keys of a stored value (several for a multiple-checkbox value); none when the value is absent. */
export function valueKeys(kind: ValueKind, stored: string | undefined): string[] {
  if (stored === undefined || stored === '') return [];
  if (kind === 'multi') return stored.split(';').filter((v) => v !== '');
  return [normaliseKey(kind, stored)];
}

/** Text as token matching sees it: enumerations keep their case. */
export const foldCase = (kind: ValueKind, value: string) =>
  kind === 'enumeration' || kind === 'multi' ? value : value.toLowerCase();

const WORD = '[\\p{L}\\p{N}]';

/**
 * CONTAINS_TOKEN: the token must appear in the value on word boundaries (`smith` matches `Ann Smith` and
 * `ann.smith@x.com`, not `smithers`); `*` matches any run of non-space characters (`*@hubspot.com`).
 */
export function tokenMatcher(token: string, caseSensitive: boolean): (value: string) => boolean {
  const fold = (v: string) => (caseSensitive ? v : v.toLowerCase());
  const parts = fold(token).split('*');
  const body = parts.map(escapeRegExp).join('\\S*');
  const pattern = new RegExp(`(?<!${WORD})${body}(?!${WORD})`, 'u');
  // Scans run this on every record: a plain substring test rejects most values before the regular expression runs.
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  return (value) => {
    const folded = fold(value);
    return folded.includes(longest) && pattern.test(folded);
  };
}

/** Starts-a-word matching for search's `query`, on text already lower-cased by the caller. */
export function wordPrefixMatcher(word: string): (lowerCased: string) => boolean {
  const folded = word.toLowerCase();
  const pattern = new RegExp(`(?<!${WORD})${escapeRegExp(folded)}`, 'u');
  return (text) => text.includes(folded) && pattern.test(text);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
