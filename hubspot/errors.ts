/**
 * Our error classes and THE error table: HubSpot status + category + code → our class and what the failure IS (its
 * `kind`), in HubSpot's terms only. What a platform does with a kind (which Zapier error class is thrown, which Make
 * error type the IML names) is decided by the adapters, `zapier/errors.ts` and `make/errors.ts`, so the core never
 * needs to know either platform; `classify.ts` picks a row for a response.
 * HubSpot errors: https://developers.hubspot.com/docs/api-reference/error-handling
 */

export type Severity = 'severe' | 'minor';

/**
 * What a failure is, for whoever has to react to it. Every kind says whether trying again can help and who can fix
 * it; the adapters turn each one into their platform's own error class or type.
 */
export const ERROR_KINDS = [
  /** The user's data or request was refused as invalid (a property value, a field); repeating it cannot help. */
  'invalid-input',
  /** HubSpot refused the request for another client reason (4xx); repeating it unchanged cannot help. */
  'rejected',
  /** The record already exists (409); the error carries the existing record's id when HubSpot names it. */
  'conflict',
  /** No such record or endpoint (404). */
  'not-found',
  /** The access token expired; a token with a refresh token can be refreshed (`AuthExpiredError.refreshable`). */
  'auth-expired',
  /** The connection is no longer honoured (revoked or unknown token, dead refresh token): only a reconnect helps. */
  'auth-invalid',
  /** HubSpot refused the integration's own OAuth client id or secret: only its publisher can fix the settings. */
  'app-credentials',
  /** The token lacks scopes the call needs: the user must reconnect granting them. */
  'missing-scopes',
  /** The user or token may not access this record or tool (403); repeating it cannot help. */
  'forbidden',
  /** A rolling rate window is full: the request was not processed; retry after `retryAfterSeconds` (`policyName`). */
  'rate-limited',
  /** The portal's daily API quota is spent: no retry can succeed before it resets (`DailyQuotaError.resetsAt`). */
  'daily-quota',
  /** A record is locked by concurrent writes (423): not processed; retry after `retryAfterSeconds` (locks last 2 s). */
  'locked',
  /** The portal is being migrated (477): not processed; HubSpot is unavailable for it for a while, retry later. */
  'migrating',
  /** HubSpot failed (5xx) or no answer arrived (network): retrying may help, but a write may already have applied. */
  'transient',
  /** An answer the table has no meaning for (a 3xx, a status HubSpot does not document). */
  'unexpected',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** How the client may retry inside one invocation. */
export type RetryRule = 'rate-window' | 'transient' | 'never';

export interface HubSpotErrorInit {
  message: string;
  status?: number;
  category?: string;
  code?: string;
  correlationId?: string;
  severity: Severity;
  kind: ErrorKind;
  retry?: RetryRule;
}

export class HubSpotError extends Error {
  override name = 'HubSpotError';
  readonly status?: number;
  readonly category?: string;
  readonly code?: string;
  readonly correlationId?: string;
  readonly severity: Severity;
  /** What the failure is; each platform adapter maps it to its own error class or type. */
  readonly kind: ErrorKind;
  /** Whether the client may retry it within the invocation (see `retry.ts`). */
  readonly retry: RetryRule;

  constructor(init: HubSpotErrorInit) {
    super(init.message);
    this.status = init.status;
    this.category = init.category;
    this.code = init.code;
    this.correlationId = init.correlationId;
    this.severity = init.severity;
    this.kind = init.kind;
    this.retry = init.retry ?? 'never';
  }
}

export class AuthExpiredError extends HubSpotError {
  override name = 'AuthExpiredError';
  /** Whether the connection holds a refresh token (OAuth), so a refresh can fix it without the user. */
  refreshable = true;
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
  /** How long the platform should wait before trying again. */
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
  kind: ErrorKind;
  severity: Severity;
  retry: RetryRule;
}

type Row = Omit<ErrorRule, 'severity' | 'retry'> & Partial<Pick<ErrorRule, 'severity' | 'retry'>>;
const row = (r: Row): ErrorRule => ({ severity: 'minor', retry: 'never', ...r });
const validation = (code: string, message: MessageKey): ErrorRule =>
  row({ status: 400, code, errorClass: 'ValidationError', message, kind: 'invalid-input' });

/** A connection that only a reconnect can fix (revoked or unknown token, dead refresh token). */
const RECONNECT = {
  errorClass: 'AuthRevokedError',
  message: 'authRevoked',
  kind: 'auth-invalid',
  severity: 'severe',
} as const;

/** The OAuth client id or secret is wrong: only the integration's publisher can fix it. */
const PUBLISHER_SETTINGS = {
  errorClass: 'ForbiddenError',
  message: 'oauthClient',
  kind: 'app-credentials',
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
    kind: 'auth-expired',
  }),
  row({ status: 401, ...RECONNECT }),
  // The token is valid but lacks scopes: the user must reconnect granting them.
  row({
    status: 403,
    category: 'MISSING_SCOPES',
    errorClass: 'MissingScopesError',
    message: 'missingScopes',
    kind: 'missing-scopes',
    severity: 'severe',
  }),
  row({ status: 403, errorClass: 'ForbiddenError', message: 'forbidden', kind: 'forbidden' }),
  row({
    status: 429,
    policyName: 'DAILY',
    errorClass: 'DailyQuotaError',
    message: 'dailyQuota',
    kind: 'daily-quota',
    severity: 'severe',
  }),
  row({
    status: 429,
    errorClass: 'RateLimitedError',
    message: 'rateLimited',
    kind: 'rate-limited',
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
    kind: 'invalid-input',
  }),
  row({ status: 404, errorClass: 'NotFoundError', message: 'notFound', kind: 'not-found' }),
  row({ status: 409, errorClass: 'ConflictError', message: 'conflict', kind: 'conflict' }),
  // 423 Locked: too many requests to one record at once; "Locks will last for 2 seconds". HubSpot answered and
  // processed nothing, so a retry after the lock succeeds; the client retries idempotent requests itself.
  // https://developers.hubspot.com/docs/api-reference/error-handling
  row({
    status: 423,
    errorClass: 'TryLaterError',
    message: 'tryLater',
    kind: 'locked',
    retry: 'transient',
  }),
  // 477 Migration in progress: the portal's data is moving, so HubSpot serves none of it for a while.
  row({ status: 477, errorClass: 'TryLaterError', message: 'tryLater', kind: 'migrating' }),
  row({
    status: [500, 599],
    errorClass: 'ServerError',
    message: 'server',
    kind: 'transient',
    retry: 'transient',
  }),
  row({
    status: 'network',
    errorClass: 'ConnectionFailedError',
    message: 'network',
    kind: 'transient',
    retry: 'transient',
  }),
  row({ status: [400, 499], errorClass: 'BadRequestError', message: 'badRequest', kind: 'rejected' }),
  row({ errorClass: 'UnexpectedError', message: 'unexpected', kind: 'unexpected' }),
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
