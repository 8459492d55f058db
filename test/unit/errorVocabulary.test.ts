import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zapier from 'zapier-platform-core';
import { FieldValidationError } from '../../hubspot/coerce';
import { ERROR_KINDS, ERROR_TABLE, RateLimitedError } from '../../hubspot/errors';
import { MAKE_ERROR_TYPE } from '../../make/errors';
import { toZapierError, ZAPIER_ERROR_CLASS } from '../../zapier/errors';

/**
 * The wall between the HubSpot core and the platforms' error vocabulary: the core says what a failure is (its
 * kind), `zapier/errors.ts` and `make/errors.ts` say what each platform is told.
 */

/** Zapier's `z.errors` classes with a platform meaning (plain `Error` is everyone's word, so it is not listed). */
const ZAPIER_CLASSES = ['HaltedError', 'ExpiredAuthError', 'RefreshAuthError', 'ThrottledError'];
/** Make's error types: https://developers.make.com/custom-apps-documentation/app-components/base/error-handling */
const MAKE_TYPES = [
  'RuntimeError',
  'DataError',
  'RateLimitError',
  'OutOfSpaceError',
  'ConnectionError',
  'InvalidConfigurationError',
  'InvalidAccessTokenError',
  'IncompleteDataError',
  'DuplicateDataError',
];
/** The fields the core errors used to carry for the platforms. */
const OLD_FIELDS = ['zapierErrorClass', 'makeErrorType', 'zapierWithoutRefresh'];
const FORBIDDEN = [...ZAPIER_CLASSES, ...MAKE_TYPES, ...OLD_FIELDS];

const CORE = join(__dirname, '../../hubspot');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Whole words only: the core's own `RateLimitedError` or `ConnectionFailedError` are not platform names. */
function platformWordsIn(text: string): string[] {
  return FORBIDDEN.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
}

describe('the core speaks no platform vocabulary', () => {
  test('the word check finds a platform name, and skips the core names that contain one', () => {
    expect(platformWordsIn("zapier: 'ThrottledError', make: 'RateLimitError'")).toEqual([
      'ThrottledError',
      'RateLimitError',
    ]);
    expect(platformWordsIn('new RateLimitedError(); new ConnectionFailedError(); DataErrors')).toEqual([]);
  });

  test('no file under hubspot/ names a Zapier error class or a Make error type', () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(10);
    const found = files
      .map((file) => ({
        file: file.slice(CORE.length + 1),
        words: platformWordsIn(readFileSync(file, 'utf8')),
      }))
      .filter((f) => f.words.length > 0);
    expect(found).toEqual([]);
  });
});

describe('every kind of failure has a meaning on both platforms', () => {
  test('each kind maps to a Zapier class that zapier-platform-core has', () => {
    expect(Object.keys(ZAPIER_ERROR_CLASS).sort()).toEqual([...ERROR_KINDS].sort());
    for (const kind of ERROR_KINDS) {
      const name = ZAPIER_ERROR_CLASS[kind];
      expect([...ZAPIER_CLASSES, 'Error']).toContain(name);
      expect(typeof (zapier.errors as unknown as Record<string, unknown>)[name]).toBe('function');
    }
  });

  test('each kind maps to a Make error type', () => {
    expect(Object.keys(MAKE_ERROR_TYPE).sort()).toEqual([...ERROR_KINDS].sort());
    for (const kind of ERROR_KINDS) expect(MAKE_TYPES).toContain(MAKE_ERROR_TYPE[kind]);
  });

  test('every kind is what some row of the error table says, and every row names a known kind', () => {
    const used = new Set(ERROR_TABLE.map((r) => r.kind));
    expect([...used].sort()).toEqual([...ERROR_KINDS].sort());
  });

  test("a mapped value the core refuses halts the Zap, as the table's invalid input does", () => {
    const error = new FieldValidationError('email', 'Email', 'is not an e-mail address.');
    expect(error.kind).toBe('invalid-input');
    const thrown = toZapierError({ errors: zapier.errors } as never, error) as Error;
    expect(thrown.name).toBe('HaltedError');
    expect(thrown.message).toBe('Email (email): is not an e-mail address.');
  });

  test('a rate limit the core could not absorb is throttled on Zapier with its wait', () => {
    const error = new RateLimitedError({
      message: 'full',
      status: 429,
      severity: 'minor',
      kind: 'rate-limited',
    });
    error.retryAfterSeconds = 7;
    const thrown = toZapierError({ errors: zapier.errors } as never, error) as Error;
    expect(thrown.name).toBe('ThrottledError');
    expect(JSON.parse(thrown.message)).toMatchObject({ delay: 7 });
    expect(MAKE_ERROR_TYPE[error.kind]).toBe('RateLimitError');
  });
});
