/**
 * The seam between the HubSpot core and whatever sends HTTP: global fetch here, `z.request` in the Zapier app.
 * A transport never throws for an HTTP status; it throws `NetworkError` only when no response arrived.
 */

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

export const DEFAULT_TIMEOUT_MS = 30_000;

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

function describeFailure(error: unknown): NetworkError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new NetworkError('timeout', 'HubSpot did not answer in time.', error);
  }
  return new NetworkError('connection', 'The connection to HubSpot failed before a response arrived.', error);
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
      signal: AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    // Reading the body can also fail when the connection drops mid-response.
    text = await res.text();
  } catch (error) {
    throw describeFailure(error);
  }
  return makeResponse(res.status, res.headers.entries(), text);
};
