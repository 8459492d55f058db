/**
 * The parts of a Zapier app definition the publishing checks read, typed loosely: the checks take any definition,
 * including the small broken ones their tests feed them. Functions (dynamic input fields, performs) are skipped:
 * the checks read what Zapier can read without running the app.
 */

export type Json = Record<string, unknown>;

export interface Field extends Json {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
  helpText?: string;
  dynamic?: string;
  search?: string;
  computed?: boolean;
  inputFormat?: string;
  primary?: boolean;
  /** Line items: the rows' fields. */
  children?: Field[];
}

export interface Operation {
  key: string;
  noun?: string;
  display: { label?: string; description?: string; hidden?: boolean };
  operation: Json & {
    type?: string;
    inputFields?: unknown[];
    outputFields?: unknown[];
    sample?: unknown;
    throttle?: Json;
  };
}

export interface AppDefinition {
  authentication?: Json & { fields?: unknown[]; connectionLabel?: unknown; test?: unknown };
  throttle?: Json;
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
  searchOrCreates?: Record<
    string,
    { key: string; display: Operation['display']; search: string; create: string; update?: string }
  >;
}

export type Kind = 'triggers' | 'creates' | 'searches';

export interface Located {
  kind: Kind;
  key: string;
  op: Operation;
  /** `triggers.new_contact` */
  where: string;
}

/** Every trigger, create and search of the app, hidden ones included. */
export function operationsOf(app: AppDefinition): Located[] {
  return (['triggers', 'creates', 'searches'] as const).flatMap((kind) =>
    Object.entries(app[kind] ?? {}).map(([key, op]) => ({ kind, key, op, where: `${kind}.${key}` })),
  );
}

export const isHidden = (op: Operation) => Boolean(op.display?.hidden);

/** The input fields written in the definition; fields a function loads from the account are not known offline. */
export function staticFields(op: Operation): Field[] {
  return (op.operation?.inputFields ?? []).filter(
    (f): f is Field => typeof f === 'object' && f !== null && typeof (f as Field).key === 'string',
  );
}

export function outputFields(op: Operation): Field[] {
  return (op.operation?.outputFields ?? []).filter(
    (f): f is Field => typeof f === 'object' && f !== null && typeof (f as Field).key === 'string',
  );
}

export const isPollingTrigger = (kind: Kind, op: Operation) =>
  kind === 'triggers' && (op.operation?.type ?? 'polling') === 'polling';

/**
 * A value of a sample by an output-field key: Zapier flattens nested objects with `__` (`properties__email`).
 * https://platform.zapier.com/build/sample-data
 */
export function sampleValue(sample: unknown, key: string): { found: boolean; value?: unknown } {
  if (typeof sample !== 'object' || sample === null) return { found: false };
  const record = sample as Json;
  if (key in record) return { found: true, value: record[key] };
  const [head, ...rest] = key.split('__');
  if (rest.length === 0 || !head || !(head in record)) return { found: false };
  return sampleValue(record[head], rest.join('__'));
}

/** Every string written in a definition (not inside functions), with its path, for URL and secret scans. */
export function* stringsOf(
  value: unknown,
  path: string,
): Generator<{ path: string; key: string; value: string }> {
  if (typeof value === 'string') {
    yield { path, key: path.split('.').pop() ?? '', value };
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* stringsOf(item, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, path ? `${path}.${k}` : k);
  }
}
