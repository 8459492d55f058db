/**
 * Our error classes and THE error table: HubSpot status + category + code → our class → what Zapier and Make are
 * told. The Make generator renders `response.error` from `ERROR_TABLE`; `classify.ts` picks a row for a response.
 * HubSpot errors: https://developers.hubspot.com/docs/api-reference/error-handling
 * Zapier error classes: zapier-platform-core `errors.js` (HaltedError never turns a Zap off; ExpiredAuthError asks
 * for a reconnect; RefreshAuthError refreshes OAuth and retries; ThrottledError retries after a delay).
 * Make error types: https://developers.make.com/custom-apps-documentation (RateLimitError and ConnectionError are
 * retried; InvalidAccessTokenError / InvalidConfigurationError deactivate the scenario).
 */

export type Severity = 'severe' | 'minor';
export type ZapierErrorClass =
  | 'RefreshAuthError'
  | 'ExpiredAuthError'
  | 'ThrottledError'
  | 'HaltedError'
  | 'Error';
export type MakeErrorType =
  | 'RateLimitError'
  | 'ConnectionError'
  | 'InvalidAccessTokenError'
  | 'InvalidConfigurationError'
  | 'DataError'
  | 'DuplicateDataError'
  | 'RuntimeError';
/** How the client may retry inside one invocation. */
export type RetryRule = 'rate-window' | 'transient' | 'never';

export interface HubSpotErrorInit {
  message: string;
  status?: number;
  category?: string;
  code?: string;
  correlationId?: string;
  severity: Severity;
  zapier: ZapierErrorClass;
  make: MakeErrorType;
  retry?: RetryRule;
}

export class HubSpotError extends Error {
  override name = 'HubSpotError';
  readonly status?: number;
  readonly category?: string;
  readonly code?: string;
  readonly correlationId?: string;
  readonly severity: Severity;
  /** The `z.errors` class the Zapier app should throw. */
  readonly zapierErrorClass: ZapierErrorClass;
  readonly makeErrorType: MakeErrorType;
  /** Whether the client may retry it within the invocation (see `retry.ts`). */
  readonly retry: RetryRule;

  constructor(init: HubSpotErrorInit) {
    super(init.message);
    this.status = init.status;
    this.category = init.category;
    this.code = init.code;
    this.correlationId = init.correlationId;
    this.severity = init.severity;
    this.zapierErrorClass = init.zapier;
    this.makeErrorType = init.make;
    this.retry = init.retry ?? 'never';
  }
}

export class AuthExpiredError extends HubSpotError {
  override name = 'AuthExpiredError';
}
export class AuthRevokedError extends HubSpotError {
  override name = 'AuthRevokedError';
}
export class MissingScopesError extends HubSpotError {
  override name = 'MissingScopesError';
  scopes: string[] = [];
}
export class ForbiddenError extends HubSpotError {
  override name = 'ForbiddenError';
}
export class ValidationError extends HubSpotError {
  override name = 'ValidationError';
  /** Internal property names HubSpot rejected. */
  propertyNames: string[] = [];
}
export class NotFoundError extends HubSpotError {
  override name = 'NotFoundError';
}
export class ConflictError extends HubSpotError {
  override name = 'ConflictError';
  /** From `Contact already exists. Existing ID: N`. */
  existingId?: string;
}
export class RateLimitedError extends HubSpotError {
  override name = 'RateLimitedError';
  /** How long the platform should wait before trying again (Zapier `ThrottledError` delay). */
  retryAfterSeconds = 10;
  policyName?: string;
}
export class DailyQuotaError extends HubSpotError {
  override name = 'DailyQuotaError';
  resetsAt: Date = new Date(0);
}
/** 423 Locked, 477 Migration in progress: the request was not processed; try again after a pause. */
export class TryLaterError extends HubSpotError {
  override name = 'TryLaterError';
  retryAfterSeconds = 2;
}
export class ServerError extends HubSpotError {
  override name = 'ServerError';
}
export class ConnectionFailedError extends HubSpotError {
  override name = 'ConnectionFailedError';
}
export class BadRequestError extends HubSpotError {
  override name = 'BadRequestError';
}
export class UnexpectedError extends HubSpotError {
  override name = 'UnexpectedError';
}

export const ERROR_CLASSES = {
  AuthExpiredError,
  AuthRevokedError,
  MissingScopesError,
  ForbiddenError,
  ValidationError,
  NotFoundError,
  ConflictError,
  RateLimitedError,
  DailyQuotaError,
  TryLaterError,
  ServerError,
  ConnectionFailedError,
  BadRequestError,
  UnexpectedError,
} as const;
export type ErrorClassName = keyof typeof ERROR_CLASSES;

/** Which message builder in `errorMessages.ts` words the error. */
export type MessageKey =
  | 'authExpired'
  | 'authRevoked'
  | 'oauthClient'
  | 'missingScopes'
  | 'forbidden'
  | 'invalidOption'
  | 'propertyMissing'
  | 'invalidEmail'
  | 'invalidInteger'
  | 'invalidDate'
  | 'readOnly'
  | 'validation'
  | 'notFound'
  | 'conflict'
  | 'rateLimited'
  | 'dailyQuota'
  | 'tryLater'
  | 'server'
  | 'network'
  | 'badRequest'
  | 'unexpected';

export interface ErrorRule {
  /** HTTP status or inclusive range; `network` when no response arrived; absent = any status. */
  status?: number | readonly [number, number] | 'network';
  category?: string;
  /** `errors[].code` or a property error's `error`; on `oauth` rows, the RFC 6749 `error` of a token endpoint. */
  code?: string;
  /** A row for the OAuth token endpoints only (the Make app renders these into its connection, not its base). */
  oauth?: boolean;
  policyName?: string;
  errorClass: ErrorClassName;
  message: MessageKey;
  zapier: ZapierErrorClass;
  /** For auth that cannot refresh (private-app tokens): what Zapier gets instead of `zapier`. */
  zapierWithoutRefresh?: ZapierErrorClass;
  make: MakeErrorType;
  severity: Severity;
  retry: RetryRule;
}

type Row = Omit<ErrorRule, 'severity' | 'retry'> & Partial<Pick<ErrorRule, 'severity' | 'retry'>>;
const row = (r: Row): ErrorRule => ({ severity: 'minor', retry: 'never', ...r });
const validation = (code: string, message: MessageKey): ErrorRule =>
  row({
    status: 400,
    code,
    errorClass: 'ValidationError',
    message,
    zapier: 'HaltedError',
    make: 'DataError',
  });

/** A connection that only a reconnect can fix (revoked or unknown token, dead refresh token). */
const RECONNECT = {
  errorClass: 'AuthRevokedError',
  message: 'authRevoked',
  zapier: 'ExpiredAuthError',
  make: 'InvalidAccessTokenError',
  severity: 'severe',
} as const;

/** The OAuth client id or secret is wrong: only the integration's publisher can fix it. */
const PUBLISHER_SETTINGS = {
  errorClass: 'ForbiddenError',
  message: 'oauthClient',
  zapier: 'Error',
  make: 'InvalidConfigurationError',
  severity: 'severe',
} as const;

/** First matching row wins; `oauth` rows match only answers of the OAuth token endpoints. */
export const ERROR_TABLE: readonly ErrorRule[] = [
  // The OAuth token endpoints answer RFC 6749 `error` codes (https://www.rfc-editor.org/rfc/rfc6749#section-5.2).
  // A refresh token HubSpot no longer honours (app uninstalled, token revoked) can only be fixed by reconnecting.
  row({ oauth: true, status: 400, code: 'invalid_grant', ...RECONNECT }),
  // A wrong client id or secret is the publisher's configuration, not the user's connection.
  row({ oauth: true, status: [400, 401], code: 'invalid_client', ...PUBLISHER_SETTINGS }),
  // A token endpoint answers 401 only when the client failed to authenticate (RFC 6749 §5.2), even when the body
  // that says `invalid_client` is lost (Zapier's autoRefresh turns a 401 into a refresh before we can read it).
  row({ oauth: true, status: 401, ...PUBLISHER_SETTINGS }),
  row({
    status: 401,
    category: 'EXPIRED_AUTHENTICATION',
    errorClass: 'AuthExpiredError',
    message: 'authExpired',
    zapier: 'RefreshAuthError',
    zapierWithoutRefresh: 'ExpiredAuthError',
    make: 'InvalidAccessTokenError',
  }),
  row({ status: 401, ...RECONNECT }),
  row({
    status: 403,
    category: 'MISSING_SCOPES',
    errorClass: 'MissingScopesError',
    message: 'missingScopes',
    zapier: 'ExpiredAuthError',
    // The token is valid; the user must grant scopes (reconnect), so not InvalidAccessTokenError.
    make: 'InvalidConfigurationError',
    severity: 'severe',
  }),
  row({
    status: 403,
    errorClass: 'ForbiddenError',
    message: 'forbidden',
    zapier: 'HaltedError',
    make: 'RuntimeError',
  }),
  row({
    status: 429,
    policyName: 'DAILY',
    errorClass: 'DailyQuotaError',
    message: 'dailyQuota',
    zapier: 'Error',
    make: 'RateLimitError',
    severity: 'severe',
  }),
  row({
    status: 429,
    errorClass: 'RateLimitedError',
    message: 'rateLimited',
    zapier: 'ThrottledError',
    make: 'RateLimitError',
    retry: 'rate-window',
  }),
  validation('INVALID_OPTION', 'invalidOption'),
  validation('PROPERTY_DOESNT_EXIST', 'propertyMissing'),
  validation('INVALID_EMAIL', 'invalidEmail'),
  validation('INVALID_INTEGER', 'invalidInteger'),
  validation('INVALID_DATE', 'invalidDate'),
  validation('READ_ONLY_VALUE', 'readOnly'),
  row({
    status: 400,
    category: 'VALIDATION_ERROR',
    errorClass: 'ValidationError',
    message: 'validation',
    zapier: 'HaltedError',
    make: 'DataError',
  }),
  row({
    status: 404,
    errorClass: 'NotFoundError',
    message: 'notFound',
    zapier: 'HaltedError',
    make: 'DataError',
  }),
  row({
    status: 409,
    errorClass: 'ConflictError',
    message: 'conflict',
    zapier: 'HaltedError',
    make: 'DuplicateDataError',
  }),
  // 423 Locked: too many requests to one record at once; "Locks will last for 2 seconds". HubSpot answered, so
  // not a ConnectionError: Make's RateLimitError backs off before retrying, as Zapier's ThrottledError delay does.
  // https://developers.hubspot.com/docs/api-reference/error-handling
  row({
    status: 423,
    errorClass: 'TryLaterError',
    message: 'tryLater',
    zapier: 'ThrottledError',
    make: 'RateLimitError',
    retry: 'transient',
  }),
  row({
    status: 477,
    errorClass: 'TryLaterError',
    message: 'tryLater',
    zapier: 'ThrottledError',
    make: 'ConnectionError',
  }),
  row({
    status: [500, 599],
    errorClass: 'ServerError',
    message: 'server',
    zapier: 'Error',
    make: 'ConnectionError',
    retry: 'transient',
  }),
  row({
    status: 'network',
    errorClass: 'ConnectionFailedError',
    message: 'network',
    zapier: 'Error',
    make: 'ConnectionError',
    retry: 'transient',
  }),
  row({
    status: [400, 499],
    errorClass: 'BadRequestError',
    message: 'badRequest',
    zapier: 'HaltedError',
    make: 'DataError',
  }),
  row({ errorClass: 'UnexpectedError', message: 'unexpected', zapier: 'Error', make: 'RuntimeError' }),
];

/** What HTTP status a batch item's category stands for (207 `errors[]` items carry no status). */
export const CATEGORY_STATUS: Readonly<Record<string, number>> = {
  VALIDATION_ERROR: 400,
  INVALID_AUTHENTICATION: 401,
  EXPIRED_AUTHENTICATION: 401,
  MISSING_SCOPES: 403,
  OBJECT_NOT_FOUND: 404,
  CONFLICT: 409,
  OBJECT_ALREADY_EXISTS: 409,
  RATE_LIMITS: 429,
};

export interface RuleQuery {
  status?: number | 'network';
  /** The answer of an OAuth token endpoint (token, introspection). */
  oauth?: boolean;
  category?: string;
  codes?: readonly string[];
  policyName?: string;
}

function statusMatches(rule: ErrorRule['status'], status: RuleQuery['status']): boolean {
  if (rule === undefined) return true;
  if (rule === 'network' || status === 'network') return rule === status;
  if (status === undefined) return false;
  return typeof rule === 'number' ? rule === status : status >= rule[0] && status <= rule[1];
}

export function findRule(q: RuleQuery): ErrorRule {
  const found = ERROR_TABLE.find(
    (r) =>
      statusMatches(r.status, q.status) &&
      (!r.oauth || q.oauth === true) &&
      (r.category === undefined || r.category === q.category) &&
      (r.code === undefined || (q.codes ?? []).includes(r.code)) &&
      (r.policyName === undefined || r.policyName === q.policyName),
  );
  // The table ends with a catch-all row.
  return found ?? ERROR_TABLE[ERROR_TABLE.length - 1]!;
}
