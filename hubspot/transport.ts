/**
 * The seam between the HubSpot core and whatever sends HTTP: global fetch here, `z.request` in the Zapier app.
 * A transport never throws for an HTTP status; it throws `NetworkError` only when no response arrived, and any
 * other failure (a refused value, a bad URL, a TLS refusal) as itself, so it is never retried as a network error.
 */
import { REQUEST_TIMEOUT_CAP_MS } from './timeout';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL, query string included. */
  url: string;
  headers: Record<string, string>;
  /** Sent as JSON (`content-type: application/json`). */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (OAuth token calls). */
  form?: Record<string, string>;
  /** Sent as is, for bodies such as multipart; the caller sets the content type. */
  body?: string | Uint8Array | Blob | FormData;
  /** Give up waiting for the answer after this long (the client sets it from the step's budget, `timeout.ts`). */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  text: string;
  /** Parses `text`; throws on invalid JSON. Returns `undefined` for an empty body (204). */
  json(): unknown;
}

export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

export type NetworkFailure = 'timeout' | 'connection';

/** No HTTP response: timeout, reset, DNS failure. Retried only for idempotent requests. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly failure: NetworkFailure,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

const NETWORK_MESSAGES: Readonly<Record<NetworkFailure, string>> = {
  timeout: 'HubSpot did not answer in time.',
  connection: 'The connection to HubSpot failed before a response arrived.',
};

export function networkError(failure: NetworkFailure, cause?: unknown): NetworkError {
  return new NetworkError(failure, NETWORK_MESSAGES[failure], cause);
}

/** What the HTTP clients call a timeout: fetch's `AbortSignal.timeout`, node-fetch 2 (`z.request`), undici, Node. */
const TIMEOUT_NAMES = new Set(['TimeoutError', 'AbortError']);
const TIMEOUT_TYPES = new Set(['request-timeout', 'body-timeout']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** Node's codes for a connection refused, reset ("socket hang up"), cut mid-answer, or a host not found. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/**
 * Whether an error thrown by an HTTP client means no answer arrived, read from its name, `type` (node-fetch) and
 * `code` (Node), along the `cause` chain (fetch wraps the socket error in `TypeError: fetch failed`); never from
 * message text. `undefined` for anything else.
 */
export function networkFailureOf(error: unknown): NetworkFailure | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const { name, type, code, cause } = current as Record<string, unknown>;
    if (
      TIMEOUT_NAMES.has(String(name)) ||
      TIMEOUT_TYPES.has(String(type)) ||
      TIMEOUT_CODES.has(String(code))
    ) {
      return 'timeout';
    }
    if (CONNECTION_CODES.has(String(code))) return 'connection';
    current = cause;
  }
  return undefined;
}

/** Builds an `HttpResponse` from parts; adapters (fetch, `z.request`) use it so parsing lives in one place. */
export function makeResponse(
  status: number,
  headers: Iterable<[string, string]> | Readonly<Record<string, string | string[] | undefined>>,
  text: string,
): HttpResponse {
  const lower: Record<string, string> = {};
  const entries = Symbol.iterator in headers ? headers : Object.entries(headers);
  for (const [name, value] of entries as Iterable<[string, string | string[] | undefined]>) {
    if (value !== undefined) lower[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    status,
    headers: lower,
    text,
    json: () => (text.trim() === '' ? undefined : JSON.parse(text)),
  };
}

/** The body and content type an `HttpRequest` asks for, shared by every adapter. */
export function encodeBody(req: HttpRequest): {
  body?: string | Uint8Array | Blob | FormData;
  contentType?: string;
} {
  if (req.json !== undefined) return { body: JSON.stringify(req.json), contentType: 'application/json' };
  if (req.form !== undefined) {
    return {
      body: new URLSearchParams(req.form).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  }
  return req.body === undefined ? {} : { body: req.body };
}

/** Global fetch (undici), with a timeout through `AbortSignal.timeout`. */
export const fetchTransport: Transport = async (req) => {
  const { body, contentType } = encodeBody(req);
  const headers = { ...req.headers };
  if (contentType && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = contentType;
  }
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers,
      body: body as RequestInit['body'],
      signal: AbortSignal.timeout(req.timeoutMs ?? REQUEST_TIMEOUT_CAP_MS),
    });
    // Reading the body can also fail when the connection drops mid-response.
    text = await res.text();
  } catch (error) {
    const failure = networkFailureOf(error);
    throw failure ? networkError(failure, error) : error;
  }
  return makeResponse(res.status, res.headers.entries(), text);
};
