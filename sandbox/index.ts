import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from './clock';
import { errorBody, HubSpotError, invalidJson, methodNotAllowed, missingScopes, unknownPath } from './errors';
import type { PortalTier } from './facts/limits';
import { toNumberedPath } from './facts/pathFamilies';
import { Faults } from './faults';
import { Query, type SandboxRequest, type SandboxResponse } from './http';
import { JournalRecorder } from './journal/recorder';
import { isLocalOnly, requireLocalCaller } from './localOnly';
import { multipartForLog } from './multipart';
import { Portal } from './portal';
import { RequestLog, tokenFingerprint } from './requestLog';
import { Router } from './router';
import { routeModules } from './routes';
import { adminRoutes } from './routes/admin';
import { type DispatcherOptions, WebhookDispatcher } from './webhooks/dispatcher';

export interface SandboxOptions {
  clock?: Clock;
  portalId?: number;
  tier?: PortalTier;
  timeZone?: string;
  /** Milliseconds before a write is visible to search. */
  searchIndexLagMs?: number;
  /** Turn rate limiting off (benchmarks that are not about limits). */
  rateLimits?: boolean;
  /** Webhook delivery: on its own by default; `{ autoDeliver: false }` delivers only on `webhooks.flush()`. */
  webhooks?: DispatcherOptions;
}

/** What the transport layer hands the sandbox: the raw request. */
export interface IncomingSandboxRequest {
  method: string;
  /** Path plus query string, as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer;
}

export interface SandboxAnswer {
  status: number;
  headers: Record<string, string>;
  /** Serialised body; empty for 204. */
  body: string | Buffer;
  /** The connection should be dropped without an answer (fault injection). */
  drop?: boolean;
}

export interface Sandbox {
  portal: Portal;
  log: RequestLog;
  faults: Faults;
  router: Router;
  /** Sends webhook events to the apps' target URLs; `flush()` delivers what is due and waits. */
  webhooks: WebhookDispatcher;
  handle(request: IncomingSandboxRequest): Promise<SandboxAnswer>;
}

/** Builds an in-process HubSpot: a request handler plus its state. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const portal = new Portal({
    clock: options.clock ?? systemClock,
    portalId: options.portalId,
    tier: options.tier,
    timeZone: options.timeZone,
    searchIndexLagMs: options.searchIndexLagMs,
  });
  portal.limits.enabled = options.rateLimits ?? true;
  const router = new Router();
  for (const register of routeModules) register(router);
  const log = new RequestLog();
  const faults = new Faults();
  const sandbox: Sandbox = {
    portal,
    log,
    faults,
    router,
    webhooks: new WebhookDispatcher(portal, options.webhooks),
    handle: (request) => handle(sandbox, request),
  };
  new JournalRecorder(portal);
  adminRoutes(sandbox);
  return sandbox;
}

async function handle(sandbox: Sandbox, incoming: IncomingSandboxRequest): Promise<SandboxAnswer> {
  const { portal, router, log, faults } = sandbox;
  const method = incoming.method.toUpperCase();
  const url = new URL(incoming.url, 'http://sandbox.local');
  const rawPath = url.pathname;
  const headers = lowerCaseHeaders(incoming.headers);
  let endpoint = 'unrouted';
  let token: string | undefined;
  let requestBody: unknown;

  const fault = faults.take(method, rawPath);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault?.kind === 'drop') {
    log.add({ at: portal.now(), method, path: rawPath, endpoint: 'fault:drop', status: 0 });
    return { status: 0, headers: {}, body: '', drop: true };
  }

  let response: SandboxResponse;
  try {
    if (fault?.kind === 'respond') {
      endpoint = 'fault';
      response = { status: fault.status, body: fault.body, headers: fault.headers };
    } else {
      const path = toNumberedPath(rawPath);
      const match = router.match(method, path);
      if (match.kind === 'none') throw unknownPath(method, rawPath);
      if (match.kind === 'wrong-method') throw methodNotAllowed(method, rawPath);
      const { route, params } = match;
      endpoint = `${method} ${route.pattern}`;
      const req: SandboxRequest = {
        method,
        rawPath,
        path,
        query: new Query(url.searchParams),
        headers,
        body: undefined,
        rawBody: incoming.body ?? Buffer.alloc(0),
        params,
      };
      if (isLocalOnly(route)) requireLocalCaller(method, headers, req.rawBody);
      if (route.auth === 'bearer' || route.auth === 'app') {
        req.auth =
          route.auth === 'app'
            ? portal.auth.authenticateApp(headers.authorization)
            : portal.auth.authenticate(headers.authorization);
        token = req.auth.token;
      } else if (route.auth === 'developer') {
        portal.auth.authenticateDeveloper(req.query.get('hapikey'));
      }
      const limitHeaders = portal.limits.enabled ? portal.limits.admit(route.lane, req.auth) : {};
      try {
        if (req.auth && route.scopes) {
          const anyOf = route.scopes(req, portal);
          if (anyOf.length > 0 && !anyOf.some((s) => req.auth!.scopes.has(s))) throw missingScopes(anyOf);
        }
        req.body = parseBody(req.rawBody, headers['content-type']);
        requestBody = req.body ?? multipartForLog(req.rawBody, headers['content-type']);
        response = await route.handler(req, portal);
      } catch (error) {
        if (error instanceof HubSpotError)
          Object.assign(error.headers, { ...limitHeaders, ...error.headers });
        throw error;
      }
      response = { ...response, headers: { ...limitHeaders, ...response.headers } };
    }
  } catch (error) {
    response = errorResponse(error);
  }

  log.add({
    at: portal.now(),
    method,
    path: rawPath,
    endpoint,
    status: response.status,
    ...(url.search ? { query: loggedQuery(url.searchParams) } : {}),
    ...(requestBody !== undefined && !carriesSecrets(rawPath) ? { body: requestBody } : {}),
    ...(token ? { token: tokenFingerprint(token) } : {}),
  });
  // The request was handled (a write is applied and logged with its real endpoint); only the answer is lost.
  if (fault?.kind === 'dropAfterHandling') return { status: 0, headers: {}, body: '', drop: true };
  return serialise(response);
}

/** The query as sent, with the developer API key (`hapikey`) left out. */
function loggedQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams(params);
  kept.delete('hapikey');
  return kept.toString();
}

/** OAuth bodies carry client secrets, codes and refresh tokens: the log keeps none of them. */
function carriesSecrets(path: string): boolean {
  return path.startsWith('/oauth/');
}

function errorResponse(error: unknown): SandboxResponse {
  if (error instanceof HubSpotError)
    return { status: error.status, body: error.body, headers: error.headers };
  // A bug in the sandbox must still answer in HubSpot's shape, never crash the server.
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: errorBody(`Internal error: ${message}`, 'INTERNAL_ERROR') };
}

function serialise(response: SandboxResponse): SandboxAnswer {
  const correlationId = correlationIdOf(response);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {}))
    if (name.toLowerCase() !== 'x-hubspot-correlation-id') headers[name] = value;
  headers['x-hubspot-correlation-id'] = correlationId;
  if (response.status === 204) return { status: 204, headers, body: '' };
  if (response.raw !== undefined) return { status: response.status, headers, body: response.raw };
  const body = response.body === undefined ? '' : JSON.stringify(response.body);
  headers['content-type'] ??= 'application/json;charset=utf-8';
  return { status: response.status, headers, body };
}

/**
 * HubSpot sends `X-HubSpot-Correlation-Id` (a UUID) on every answer, successes included, and on an error it is the
 * body's `correlationId` (https://developers.hubspot.com/docs/api-reference/error-handling; header dump of a 409 in
 * HubSpot/hubspot-api-nodejs#545). A value a fault set up explicitly is kept.
 */
function correlationIdOf(response: SandboxResponse): string {
  const inBody = (response.body as { correlationId?: unknown } | undefined)?.correlationId;
  if (typeof inBody === 'string') return inBody;
  const given = Object.entries(response.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'x-hubspot-correlation-id',
  );
  return given?.[1] ?? randomUUID();
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (contentType?.startsWith('multipart/form-data')) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidJson(error instanceof Error ? error.message : 'malformed JSON');
  }
}

function lowerCaseHeaders(headers: IncomingSandboxRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { ManualClock, systemClock } from './clock';
export type { Portal } from './portal';
