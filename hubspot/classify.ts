/**
 * Turns a HubSpot error response (or a dropped connection, or a 207 batch item) into one of our errors, using the
 * row `findRule` picks from `ERROR_TABLE`.
 */
import { type ParsedErrorBody, parseBatchErrors, parseErrorBody, primaryCode } from './errorBody';
import {
  buildMessage,
  type ErrorContext,
  type NetworkFacts,
  requiredScopes,
  SECONDLY_MESSAGE,
} from './errorMessages';
import {
  AuthExpiredError,
  CATEGORY_STATUS,
  ConflictError,
  DailyQuotaError,
  ERROR_CLASSES,
  findRule,
  type HubSpotError,
  MissingScopesError,
  RateLimitedError,
  TryLaterError,
  ValidationError,
} from './errors';
import { BURST_WINDOW_MS } from './limits';
import { nextMidnight } from './timeZone';

export interface ClassifyContext extends ErrorContext {
  /** The answer of an OAuth token endpoint, where the table's `oauth` rows apply. */
  oauth?: boolean;
  /** The connection holds a refresh token: an expired access token can be refreshed (`AuthExpiredError`). */
  canRefreshAuth?: boolean;
  /** Wait to suggest for a rate limit the client could not absorb (seconds). */
  retryAfterSeconds?: number;
  now?: number;
  /** Values to strip from messages (the access token). */
  secrets?: readonly string[];
  /** When no answer arrived: why, and whether the request was safe to repeat. */
  network?: NetworkFacts;
}

export function retryAfterHeader(headers: Readonly<Record<string, string>> | undefined): number | undefined {
  const raw = headers?.['retry-after'];
  const seconds = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

/** The 429 policy: `policyName`, or the legacy search message that names none. */
export function policyOf(body: ParsedErrorBody): string | undefined {
  if (body.policyName) return body.policyName;
  return body.message === SECONDLY_MESSAGE ? 'SECONDLY' : undefined;
}

export function errorFromParsed(
  status: number | 'network' | undefined,
  body: ParsedErrorBody,
  ctx: ClassifyContext = {},
  headers?: Readonly<Record<string, string>>,
): HubSpotError {
  const policyName = policyOf(body);
  const codes = [
    ...body.propertyErrors.map((p) => p.error),
    ...body.errors.map((e) => e.code),
    body.oauthError,
  ].filter((c): c is string => c !== undefined);
  const rule = findRule({ status, oauth: ctx.oauth, category: body.category, codes, policyName });
  const now = ctx.now ?? Date.now();
  const scopes = requiredScopes(body);
  const existingId = body.message?.match(/Existing ID: ?(\d+)/)?.[1];
  const defaultWait = rule.errorClass === 'TryLaterError' ? 2 : Math.ceil(BURST_WINDOW_MS / 1000);
  const retryAfterSeconds = retryAfterHeader(headers) ?? ctx.retryAfterSeconds ?? defaultWait;
  const resetsAt = new Date(nextMidnight(now, ctx.portalTimeZone ?? 'UTC'));
  const numericStatus = typeof status === 'number' ? status : undefined;
  const message = buildMessage(
    rule.message,
    {
      status: numericStatus,
      body: { ...body, policyName },
      context: ctx,
      retryAfterSeconds,
      resetsAt,
      existingId,
      scopes,
      network: ctx.network,
    },
    ctx.secrets,
  );
  const error = new ERROR_CLASSES[rule.errorClass]({
    message,
    status: numericStatus,
    category: body.category,
    code: primaryCode(body),
    correlationId: body.correlationId,
    severity: rule.severity,
    kind: rule.kind,
    retry: rule.retry,
  });
  // Unknown means refreshable: only a connection known to lack a refresh token (a private-app token) is not.
  if (error instanceof AuthExpiredError) error.refreshable = ctx.canRefreshAuth !== false;
  if (error instanceof MissingScopesError) error.scopes = scopes;
  if (error instanceof ValidationError) {
    error.propertyNames = body.propertyErrors.map((p) => p.name).filter((n): n is string => n !== undefined);
  }
  if (error instanceof ConflictError) error.existingId = existingId;
  if (error instanceof RateLimitedError) {
    error.retryAfterSeconds = retryAfterSeconds;
    error.policyName = policyName;
  }
  if (error instanceof TryLaterError) error.retryAfterSeconds = retryAfterSeconds;
  if (error instanceof DailyQuotaError) error.resetsAt = resetsAt;
  return error;
}

export interface ErrorResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  text: string;
}

/** A non-2xx response → our error. The correlation id falls back to the `x-hubspot-correlation-id` header. */
export function errorFromResponse(res: ErrorResponse, ctx: ClassifyContext = {}): HubSpotError {
  const body = parseErrorBody(res.text);
  const correlationId = body.correlationId ?? res.headers['x-hubspot-correlation-id'];
  return errorFromParsed(res.status, { ...body, correlationId }, ctx, res.headers);
}

/** No response at all (timeout, reset). */
export function errorFromNetwork(ctx: ClassifyContext = {}): HubSpotError {
  return errorFromParsed('network', { errors: [], propertyErrors: [] }, ctx);
}

/** Each item of a 207 batch response's `errors[]`, with a status inferred from its category. */
export function errorsFromBatch(json: unknown, ctx: ClassifyContext = {}): HubSpotError[] {
  return parseBatchErrors(json).map((item) =>
    errorFromParsed(item.category ? CATEGORY_STATUS[item.category] : undefined, item, ctx),
  );
}
