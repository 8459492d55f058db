/**
 * `HubSpotClient`: one authenticated request path for every HubSpot call the connector makes. Adds the bearer
 * token and JSON headers, paces through `Throttle`, retries by `retry.ts`, and turns non-2xx answers into errors
 * from the error table. Platform-neutral: Zapier and Make supply a transport and a logger.
 */
import {
  type ClassifyContext,
  errorFromNetwork,
  errorFromResponse,
  policyOf,
  retryAfterHeader,
} from './classify';
import { type Clock, systemClock } from './clock';
import { parseErrorBody } from './errorBody';
import type { ErrorContext } from './errorMessages';
import { ConnectionFailedError, HubSpotError, ServerError } from './errors';
import { type LogFn, type StructuredLogger, structuredLogger } from './log';
import { buildUrl, type Query } from './paths';
import { readRateLimitHeaders } from './rateWindow';
import {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  jitterRateWait,
  type RetryPolicy,
  rateLimitWaitMs,
} from './retry';
import { type Lane, Throttle } from './throttle';
import { requestTimeoutMs } from './timeout';
import {
  fetchTransport,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  NetworkError,
  type Transport,
} from './transport';

/** A Zapier step has a little over 30 s of useful time by default; request timeouts come from it (`timeout.ts`). */
export const DEFAULT_BUDGET_MS = 30_000;

/** Below these shares of the burst window or the daily quota left, every response is logged as a warning sign. */
const LOW_BURST_SHARE = 0.1;
const LOW_DAILY_SHARE = 0.05;

/**
 * Only responses worth a person's attention are logged: errors, and answers that show the portal's shared budget
 * running low (every app on the portal draws from it). Zapier already records each HTTP exchange on its own.
 */
export function isWorthLogging(res: Pick<HttpResponse, 'status' | 'headers'>): boolean {
  if (res.status >= 400) return true;
  const limits = readRateLimitHeaders(res.headers);
  const low = (remaining?: number, max?: number, share = 0) =>
    remaining !== undefined && max !== undefined && max > 0 && remaining < max * share;
  return Boolean(
    limits &&
      (low(limits.remaining, limits.max, LOW_BURST_SHARE) ||
        low(limits.dailyRemaining, limits.daily, LOW_DAILY_SHARE)),
  );
}

export type AccessTokenProvider = string | (() => string | Promise<string>);

export interface HubSpotClientOptions {
  accessToken: AccessTokenProvider;
  transport?: Transport;
  clock?: Clock;
  /** Time this invocation may spend, waits included, counted from construction. */
  budgetMs?: number;
  logger?: LogFn;
  /** Share one throttle between clients of the same invocation; a new one by default. */
  throttle?: Throttle;
  /** OAuth connections refresh on 401 EXPIRED_AUTHENTICATION; private-app tokens cannot. */
  canRefreshAuth?: boolean;
  /** The portal's IANA time zone, when known, for daily-quota messages. */
  portalTimeZone?: string;
  /** The longest a request waits for its answer; by default from the budget and `HUBSPOT_REQUEST_TIMEOUT_MS`. */
  timeoutMs?: number;
  retryPolicy?: Partial<RetryPolicy>;
}

export interface RequestOptions {
  method: HttpMethod;
  /** A path from `paths` (joined to the base URL now) ... */
  path?: string;
  /** ... or an absolute URL (forms submission host). */
  url?: string;
  query?: Query;
  json?: unknown;
  form?: Record<string, string>;
  body?: HttpRequest['body'];
  headers?: Record<string, string>;
  /** `search` for CRM search endpoints (5/s, no rate headers); `burst` otherwise. */
  lane?: Lane;
  /** Safe to repeat after a 5xx or a dropped connection. Defaults to true for GET only. */
  idempotent?: boolean;
  /** Send the bearer token (default true; false for the OAuth token exchange). */
  auth?: boolean;
  /** Statuses returned instead of thrown (e.g. 404 for a lookup that may miss). */
  acceptStatuses?: readonly number[];
  /** Names and labels for error messages. */
  errorContext?: ErrorContext;
}

export interface HubSpotResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
  /**
   * Earlier attempts of this request that failed in a way that leaves unknown whether HubSpot applied them (no
   * answer, or a 5xx) and were repeated (idempotent requests only): an upsert's answer then describes the replay.
   */
  uncertainAttempts: number;
}

export class HubSpotClient {
  readonly throttle: Throttle;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly deadline: number;
  private readonly policy: RetryPolicy;
  private readonly log: StructuredLogger;
  private lastToken: string | undefined;

  constructor(private readonly options: HubSpotClientOptions) {
    this.transport = options.transport ?? fetchTransport;
    this.clock = options.clock ?? options.throttle?.clock ?? systemClock;
    this.throttle = options.throttle ?? new Throttle({ clock: this.clock });
    this.deadline = this.clock.now() + (options.budgetMs ?? DEFAULT_BUDGET_MS);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
    this.log = structuredLogger(options.logger, () => [this.lastToken]);
  }

  private async token(): Promise<string> {
    const { accessToken } = this.options;
    this.lastToken = typeof accessToken === 'string' ? accessToken : await accessToken();
    return this.lastToken;
  }

  private async buildRequest(opts: RequestOptions): Promise<HttpRequest> {
    const target = opts.url ?? opts.path;
    if (!target) throw new Error('HubSpotClient.request needs a path or a url.');
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (opts.auth !== false) headers.authorization = `Bearer ${await this.token()}`;
    return {
      method: opts.method,
      url: buildUrl(target, opts.query),
      headers,
      json: opts.json,
      form: opts.form,
      body: opts.body,
    };
  }

  /** This attempt's timeout, from what is left of the budget: an idempotent request keeps room for one retry. */
  private timeoutFor(idempotent: boolean): number {
    return requestTimeoutMs({
      remainingMs: this.deadline - this.clock.now(),
      retryPauseMs: idempotent ? this.policy.baseDelayMs : undefined,
      capMs: this.options.timeoutMs,
    });
  }

  /** One HTTP exchange through the lane; a timeout or dropped connection becomes a `ConnectionFailedError`. */
  private async send(
    lane: Lane,
    req: HttpRequest,
    idempotent: boolean,
    opts: Pick<RequestOptions, 'errorContext' | 'auth'>,
  ): Promise<HttpResponse | HubSpotError> {
    const started = this.clock.now();
    let timeoutMs: number | undefined;
    try {
      const res = await this.throttle.schedule(
        lane,
        () => {
          // Timed when the throttle lets it go, so a pacing wait is not counted twice.
          timeoutMs = this.timeoutFor(idempotent);
          return this.transport({ ...req, timeoutMs });
        },
        { deadline: this.deadline, headers: (r) => r.headers },
      );
      if (isWorthLogging(res))
        this.log.event('request', {
          method: req.method,
          url: req.url,
          status: res.status,
          ms: this.clock.now() - started,
          correlationId: res.headers['x-hubspot-correlation-id'],
          burstRemaining: res.headers['x-hubspot-ratelimit-remaining'],
          dailyRemaining: res.headers['x-hubspot-ratelimit-daily-remaining'],
        });
      return res;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.log.event('network-error', {
        method: req.method,
        url: req.url,
        failure: error.failure,
        timeoutMs,
      });
      return errorFromNetwork({
        ...this.errorContext(opts),
        network: { failure: error.failure, timeoutMs, retrySafe: idempotent },
      });
    }
  }

  private errorContext(
    opts: Pick<RequestOptions, 'errorContext' | 'auth'>,
    retryAfterSeconds?: number,
  ): ClassifyContext {
    return {
      portalTimeZone: this.options.portalTimeZone,
      ...opts.errorContext,
      // Only the OAuth token endpoints are called without the bearer token.
      oauth: opts.auth === false,
      canRefreshAuth: this.options.canRefreshAuth,
      now: this.clock.now(),
      secrets: this.lastToken ? [this.lastToken] : [],
      retryAfterSeconds,
    };
  }

  /** A 429: holds the lane as long as HubSpot's answer asks (`rateLimitWaitMs`); the jittered wait, if any. */
  private holdAfterRateLimit(lane: Lane, res: HttpResponse): number | undefined {
    const waitMs = rateLimitWaitMs({
      lane,
      policyName: policyOf(parseErrorBody(res.text)),
      retryAfterSeconds: retryAfterHeader(res.headers),
      intervalMs: readRateLimitHeaders(res.headers)?.intervalMs,
    });
    if (waitMs === undefined) return undefined;
    return jitterRateWait(this.throttle.noteRateLimited(lane, waitMs), this.policy.random);
  }

  async request<T = unknown>(opts: RequestOptions): Promise<HubSpotResponse<T>> {
    const lane = opts.lane ?? 'burst';
    const idempotent = opts.idempotent ?? opts.method === 'GET';
    // A failed POST (a create) that is not repeated may still have been applied: its message must say so
    // (errorMessages.ts). PUT, PATCH and DELETE set values, so doing them again is harmless.
    const notRepeatable = !idempotent && opts.method === 'POST' && opts.auth !== false;
    const errorOpts = { auth: opts.auth, errorContext: { ...opts.errorContext, notRepeatable } };
    let rateLimitRetries = 0;
    let transientRetries = 0;
    let uncertainAttempts = 0;
    for (;;) {
      const req = await this.buildRequest(opts);
      const outcome = await this.send(lane, req, idempotent, errorOpts);
      let error: HubSpotError;
      let rateWaitMs: number | undefined;
      if (outcome instanceof HubSpotError) {
        error = outcome;
      } else {
        const res = outcome;
        if ((res.status >= 200 && res.status < 300) || opts.acceptStatuses?.includes(res.status)) {
          return { status: res.status, headers: res.headers, data: parseJson<T>(res), uncertainAttempts };
        }
        if (res.status === 429) rateWaitMs = this.holdAfterRateLimit(lane, res);
        const retryAfterSeconds = rateWaitMs === undefined ? undefined : Math.ceil(rateWaitMs / 1000);
        error = errorFromResponse(res, this.errorContext(errorOpts, retryAfterSeconds));
      }
      const decision = decideRetry(
        error,
        {
          idempotent,
          rateLimitRetries,
          transientRetries,
          now: this.clock.now(),
          deadline: this.deadline,
          rateWaitMs,
        },
        this.policy,
      );
      if (!decision.retry) throw error;
      if (error.retry === 'rate-window') rateLimitRetries++;
      else transientRetries++;
      if (error instanceof ConnectionFailedError || error instanceof ServerError) uncertainAttempts++;
      this.log.event('retry', { reason: error.name, status: error.status, waitMs: decision.waitMs });
      await this.clock.sleep(decision.waitMs);
    }
  }
}

function parseJson<T>(res: HttpResponse): T {
  try {
    return res.json() as T;
  } catch {
    // A 2xx with a non-JSON body (rare; e.g. an HTML proxy page) is handed back as text.
    return res.text as T;
  }
}
