import { errorFromNetwork, errorFromResponse, errorsFromBatch } from '../../hubspot/classify';
import { parseErrorBody } from '../../hubspot/errorBody';
import {
  type ConflictError,
  type DailyQuotaError,
  ERROR_TABLE,
  type ErrorKind,
  type HubSpotError,
  MissingScopesError,
  RateLimitedError,
} from '../../hubspot/errors';
import { redact, structuredLogger } from '../../hubspot/log';
import type { PropertyDefinition } from '../../hubspot/propertyDefinition';
import { MAKE_ERROR_TYPE } from '../../make/errors';
import { zapierClassOf } from '../../zapier/errors';

/** The core error's kind, and what the Zapier and Make adapters make of it. */
const outcome = (error: HubSpotError) => [error.kind, zapierClassOf(error), MAKE_ERROR_TYPE[error.kind]];

const CID = 'a43683b0-5717-4ceb-80b4-104d02915d8c';
const propertyValues = (items: object[]) => `Property values were not valid: ${JSON.stringify(items)}`;
const leadStatus: PropertyDefinition = {
  name: 'hs_lead_status',
  label: 'Lead status',
  type: 'enumeration',
  fieldType: 'select',
  options: [
    { label: 'New', value: 'NEW' },
    { label: 'Open', value: 'OPEN' },
  ],
};

interface Row {
  status: number;
  /** An answer of an OAuth token endpoint (the client sends those without a bearer token). */
  oauth?: true;
  body: Record<string, unknown>;
  errorClass: string;
  /** What the failure is, in the core's neutral terms. */
  kind: ErrorKind;
  /** What the adapters make of that kind. */
  zapier: string;
  make: string;
  severity: 'severe' | 'minor';
  message: RegExp;
}

/** One case per ERROR_TABLE row, in table order (the network row is tested separately). */
const ROWS: Row[] = [
  {
    status: 400,
    oauth: true,
    body: {
      status: 'BAD_REFRESH_TOKEN',
      message: 'missing or invalid refresh token',
      error: 'invalid_grant',
      error_description: 'missing or invalid refresh token',
    },
    errorClass: 'AuthRevokedError',
    kind: 'auth-invalid',
    zapier: 'ExpiredAuthError',
    make: 'InvalidAccessTokenError',
    severity: 'severe',
    message: /Reconnect your HubSpot account/,
  },
  {
    status: 400,
    oauth: true,
    body: {
      status: 'BAD_CLIENT_SECRET',
      message: 'missing or invalid client secret',
      error: 'invalid_client',
      error_description: 'missing or invalid client secret',
    },
    errorClass: 'ForbiddenError',
    kind: 'app-credentials',
    zapier: 'Error',
    make: 'InvalidConfigurationError',
    severity: 'severe',
    message: /client id or secret: missing or invalid client secret\. .*HUBSPOT_CLIENT_SECRET/,
  },
  {
    // What reaches the core when Zapier's autoRefresh swallowed the body of a token endpoint's 401.
    status: 401,
    oauth: true,
    body: {},
    errorClass: 'ForbiddenError',
    kind: 'app-credentials',
    zapier: 'Error',
    make: 'InvalidConfigurationError',
    severity: 'severe',
    message: /refused this integration's OAuth client id or secret\. .*HUBSPOT_CLIENT_ID/,
  },
  {
    status: 401,
    body: {
      category: 'EXPIRED_AUTHENTICATION',
      message: 'The OAuth token used to make this call expired 7 second(s) ago.',
    },
    errorClass: 'AuthExpiredError',
    kind: 'auth-expired',
    zapier: 'RefreshAuthError',
    make: 'InvalidAccessTokenError',
    severity: 'minor',
    message: /expired/,
  },
  {
    status: 401,
    body: { category: 'INVALID_AUTHENTICATION', message: 'Authentication credentials not found.' },
    errorClass: 'AuthRevokedError',
    kind: 'auth-invalid',
    zapier: 'ExpiredAuthError',
    make: 'InvalidAccessTokenError',
    severity: 'severe',
    message: /Reconnect your HubSpot account/,
  },
  {
    status: 403,
    body: {
      category: 'MISSING_SCOPES',
      message: "This app hasn't been granted all required scopes",
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: ['crm.objects.contacts.write'] },
        },
      ],
    },
    errorClass: 'MissingScopesError',
    kind: 'missing-scopes',
    zapier: 'ExpiredAuthError',
    make: 'InvalidConfigurationError',
    severity: 'severe',
    message: /missing the permission\(s\) crm\.objects\.contacts\.write\. Reconnect .* grant them/,
  },
  {
    status: 403,
    body: { message: 'You do not have permission to view this record' },
    errorClass: 'ForbiddenError',
    kind: 'forbidden',
    zapier: 'HaltedError',
    make: 'RuntimeError',
    severity: 'minor',
    message: /refused access: You do not have permission/,
  },
  {
    status: 429,
    body: { message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', policyName: 'DAILY' },
    errorClass: 'DailyQuotaError',
    kind: 'daily-quota',
    zapier: 'Error',
    make: 'RateLimitError',
    severity: 'severe',
    message:
      /daily API limit .* used up\. It resets at midnight in the HubSpot account's time zone .*2026-01-06T00:00:00\.000Z/,
  },
  {
    status: 429,
    body: {
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    },
    errorClass: 'RateLimitedError',
    kind: 'rate-limited',
    zapier: 'ThrottledError',
    make: 'RateLimitError',
    severity: 'minor',
    message: /rate limit .*TEN_SECONDLY_ROLLING.*Try again in 10 seconds/,
  },
  {
    status: 400,
    body: {
      category: 'VALIDATION_ERROR',
      message: propertyValues([
        {
          isValid: false,
          message: 'reports was not one of the allowed options: [NEW, OPEN]',
          error: 'INVALID_OPTION',
          name: 'hs_lead_status',
        },
      ]),
    },
    errorClass: 'ValidationError',
    kind: 'invalid-input',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message:
      /Lead status \(hs_lead_status\): "reports" is not one of its options\. Allowed: New \(NEW\), Open \(OPEN\)\./,
  },
  {
    status: 400,
    body: {
      category: 'VALIDATION_ERROR',
      message: 'Property values were not valid',
      errors: [
        {
          message: 'Property "description" does not exist',
          code: 'PROPERTY_DOESNT_EXIST',
          context: { propertyName: ['description'] },
        },
      ],
    },
    errorClass: 'ValidationError',
    kind: 'invalid-input',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /no property "description" on contacts/,
  },
  {
    status: 400,
    body: {
      category: 'VALIDATION_ERROR',
      message: propertyValues([
        { message: 'Email address ann@ is invalid', error: 'INVALID_EMAIL', name: 'email' },
      ]),
    },
    errorClass: 'ValidationError',
    kind: 'invalid-input',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /email must be a valid email address/,
  },
  {
    status: 400,
    body: {
      category: 'VALIDATION_ERROR',
      errors: [
        {
          message: 'discount was not a valid number',
          code: 'INVALID_INTEGER',
          context: { propertyName: ['discount'] },
        },
      ],
    },
    errorClass: 'ValidationError',
    kind: 'invalid-input',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /discount must be a whole number/,
  },
  {
    status: 400,
    body: {
      category: 'VALIDATION_ERROR',
      message: propertyValues([{ message: 'x is not midnight', error: 'INVALID_DATE', name: 'closedate' }]),
    },
    errorClass: 'ValidationError',
    kind: 'invalid-input',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /closedate must be a date at midnight UTC, written as YYYY-MM-DD/,
  },
  {
    status: 400,
    body: {
      category: 'VALIDATION_ERROR',
      message: propertyValues([{ message: 'read only', error: 'READ_ONLY_VALUE', name: 'hs_object_id' }]),
    },
    errorClass: 'ValidationError',
    kind: 'invalid-input',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /hs_object_id is read-only/,
  },
  {
    status: 400,
    body: { category: 'VALIDATION_ERROR', message: 'Too many filters' },
    errorClass: 'ValidationError',
    kind: 'invalid-input',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /rejected the data: Too many filters/,
  },
  {
    status: 404,
    body: {
      message: 'Object not found.  objectId are usually numeric.',
      category: 'OBJECT_NOT_FOUND',
      context: { id: ['abc'] },
    },
    errorClass: 'NotFoundError',
    kind: 'not-found',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /could not find the record with ID "abc"/,
  },
  {
    status: 409,
    body: { message: 'Contact already exists. Existing ID: 37765128953', category: 'CONFLICT' },
    errorClass: 'ConflictError',
    kind: 'conflict',
    zapier: 'HaltedError',
    make: 'DuplicateDataError',
    severity: 'minor',
    message: /already exists in HubSpot \(existing ID 37765128953\)/,
  },
  {
    status: 423,
    body: {},
    errorClass: 'TryLaterError',
    kind: 'locked',
    zapier: 'ThrottledError',
    make: 'RateLimitError',
    severity: 'minor',
    message: /HTTP 423.*2 seconds/,
  },
  {
    status: 477,
    body: { message: 'Migration in progress' },
    errorClass: 'TryLaterError',
    kind: 'migrating',
    zapier: 'ThrottledError',
    make: 'ConnectionError',
    severity: 'minor',
    message: /HTTP 477/,
  },
  {
    status: 502,
    body: { category: 'INTERNAL_ERROR' },
    errorClass: 'ServerError',
    kind: 'transient',
    zapier: 'Error',
    make: 'ConnectionError',
    severity: 'minor',
    message: /internal error \(HTTP 502\)/,
  },
  {
    status: 414,
    body: { message: 'URI Too Long' },
    errorClass: 'BadRequestError',
    kind: 'rejected',
    zapier: 'HaltedError',
    make: 'DataError',
    severity: 'minor',
    message: /HTTP 414\): URI Too Long/,
  },
  {
    status: 302,
    body: {},
    errorClass: 'UnexpectedError',
    kind: 'unexpected',
    zapier: 'Error',
    make: 'RuntimeError',
    severity: 'minor',
    message: /unexpected error \(HTTP 302\)/,
  },
];

const context = {
  properties: [leadStatus],
  objectType: 'contacts',
  now: Date.UTC(2026, 0, 5, 15, 0),
  canRefreshAuth: true,
};

test('every table row has a case here', () => {
  expect(ROWS.length + 1).toBe(ERROR_TABLE.length);
});

test.each(ROWS)('$status $errorClass ($kind) → $zapier / $make', (row) => {
  const error = errorFromResponse(
    {
      status: row.status,
      headers: {},
      text: JSON.stringify({ status: 'error', correlationId: CID, ...row.body }),
    },
    { ...context, oauth: row.oauth },
  );
  expect(error.name).toBe(row.errorClass);
  expect(outcome(error)).toEqual([row.kind, row.zapier, row.make]);
  expect(error.severity).toBe(row.severity);
  expect(error.message).toMatch(row.message);
  expect(error.message.endsWith(`(HubSpot correlation id: ${CID})`)).toBe(true);
});

test('dropped connection row', () => {
  const error = errorFromNetwork();
  expect([error.name, ...outcome(error), error.retry]).toEqual([
    'ConnectionFailedError',
    'transient',
    'Error',
    'ConnectionError',
    'transient',
  ]);
});

describe('details', () => {
  test("a 401 invalid_client from a token endpoint is the publisher's settings, not a refresh", () => {
    const text = JSON.stringify({
      error: 'invalid_client',
      error_description: 'missing or invalid client id',
    });
    const error = errorFromResponse(
      { status: 401, headers: {}, text },
      { canRefreshAuth: true, oauth: true },
    );
    expect([error.name, ...outcome(error)]).toEqual([
      'ForbiddenError',
      'app-credentials',
      'Error',
      'InvalidConfigurationError',
    ]);
  });

  test('the OAuth rows answer only token endpoints: an API 401 is about the access token', () => {
    const text = JSON.stringify({ category: 'INVALID_AUTHENTICATION', error: 'invalid_client' });
    const error = errorFromResponse({ status: 401, headers: {}, text }, { canRefreshAuth: true });
    expect(error.name).toBe('AuthRevokedError');
    const expired = JSON.stringify({ category: 'EXPIRED_AUTHENTICATION' });
    expect(
      errorFromResponse({ status: 401, headers: {}, text: expired }, { canRefreshAuth: true }).name,
    ).toBe('AuthExpiredError');
  });

  test('an expired token without refresh asks for a reconnect', () => {
    const res = { status: 401, headers: {}, text: JSON.stringify({ category: 'EXPIRED_AUTHENTICATION' }) };
    const error = errorFromResponse(res, { canRefreshAuth: false });
    expect(outcome(error)).toEqual(['auth-expired', 'ExpiredAuthError', 'InvalidAccessTokenError']);
    expect(zapierClassOf(errorFromResponse(res, { canRefreshAuth: true }))).toBe('RefreshAuthError');
  });

  test('older bodies name scopes in requiredScopes; the error carries them', () => {
    const text = JSON.stringify({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredScopes: ['tickets'] } }],
    });
    const error = errorFromResponse({ status: 403, headers: {}, text });
    expect(error).toBeInstanceOf(MissingScopesError);
    expect((error as MissingScopesError).scopes).toEqual(['tickets']);
  });

  test('409 exposes existingId', () => {
    const text = JSON.stringify({
      message: 'Contact already exists. Existing ID: 512',
      category: 'CONFLICT',
    });
    expect((errorFromResponse({ status: 409, headers: {}, text }) as ConflictError).existingId).toBe('512');
  });

  test('the legacy search 429 message is a SECONDLY rate limit', () => {
    const text = JSON.stringify({ status: 'error', message: 'You have reached your secondly limit.' });
    const error = errorFromResponse({ status: 429, headers: {}, text });
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).policyName).toBe('SECONDLY');
  });

  test('daily reset uses the portal time zone when known', () => {
    const text = JSON.stringify({ policyName: 'DAILY' });
    const error = errorFromResponse(
      { status: 429, headers: {}, text },
      { portalTimeZone: 'America/New_York', now: Date.UTC(2026, 0, 5, 15, 0) },
    ) as DailyQuotaError;
    expect(error.resetsAt.toISOString()).toBe('2026-01-06T05:00:00.000Z');
    expect(error.message).toContain('(America/New_York)');
  });

  test('correlation id falls back to the response header; a non-JSON body does not break parsing', () => {
    const error = errorFromResponse({
      status: 503,
      headers: { 'x-hubspot-correlation-id': 'cid-h' },
      text: '<html>',
    });
    expect(error.message).toMatch(/\(HubSpot correlation id: cid-h\)$/);
  });

  test('a token echoed by HubSpot never reaches the message', () => {
    const text = JSON.stringify({ message: 'bad token pat-na1-00000000-fake-token-value' });
    const error = errorFromResponse(
      { status: 400, headers: {}, text },
      { secrets: ['pat-na1-00000000-fake-token-value'] },
    );
    expect(error.message).not.toContain('fake-token');
  });

  test('207 batch errors map item by item', () => {
    const body = {
      status: 'COMPLETE',
      results: [],
      errors: [
        {
          status: 'error',
          category: 'VALIDATION_ERROR',
          message: propertyValues([{ error: 'PROPERTY_DOESNT_EXIST', name: 'missing' }]),
          context: { objectWriteTraceId: ['t1'] },
        },
        { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'not found', context: { ids: ['9'] } },
      ],
    };
    const errors = errorsFromBatch(body);
    expect(errors.map((e) => e.name)).toEqual(['ValidationError', 'NotFoundError']);
    expect(errors[0]!.message).toContain('no property "missing"');
  });

  test('bodies are parsed with every field optional', () => {
    expect(parseErrorBody('not json')).toEqual({ errors: [], propertyErrors: [] });
    expect(
      parseErrorBody({ errors: 'nope', message: 'Property values were not valid: [broken' }).propertyErrors,
    ).toEqual([]);
  });
});

describe('structured log', () => {
  test('redacts tokens in URLs and known secrets', () => {
    const lines: Array<Record<string, unknown> | undefined> = [];
    const log = structuredLogger(
      (_m, data) => lines.push(data),
      () => ['test-token-123'],
    );
    log.event('request', {
      url: 'https://api.hubapi.test/oauth/v1/access-tokens/abc123?x=1',
      auth: 'Bearer test-token-123',
    });
    expect(JSON.stringify(lines)).not.toMatch(/abc123|test-token-123/);
    expect(redact('refresh_token=r-1&client_secret=s-2')).toBe(
      'refresh_token=[redacted]&client_secret=[redacted]',
    );
  });
});
