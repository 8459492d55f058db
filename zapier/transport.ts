import type { ZObject } from 'zapier-platform-core';
import { FieldValidationError } from '../hubspot/coerce';
import {
  encodeBody,
  type HttpRequest,
  makeResponse,
  networkError,
  networkFailureOf,
  type Transport,
} from '../hubspot/transport';

/**
 * The HubSpot core's transport inside Zapier: `z.request`, so Zapier logs every call and censors the token.
 * Statuses are handed back untouched (`skipThrowForStatus`, and 429s reach us instead of Zapier's generic
 * ThrottledError) because the core's error table decides what each one means. A 401 on an API call still becomes
 * Zapier's RefreshAuthError inside `z.request` (autoRefresh), which is what we want: Zapier refreshes and retries
 * the step; a 401 of the OAuth token endpoints is handed back (`isTokenEndpoint401`).
 * Only a real network failure (timeout, refused or reset connection, DNS) becomes a `NetworkError`, which the core
 * may retry; anything else `z.request` throws is reported as what it is, and never retried.
 */
export function zapierTransport(z: ZObject): Transport {
  return async (req) => {
    const { body, contentType } = encodeBody(req);
    if (holdsCurlies(req.url) || holdsCurlies(body)) throw unfilledPlaceholder(req);
    const headers = { ...req.headers, ...(contentType ? { 'content-type': contentType } : {}) };
    let response: Awaited<ReturnType<ZObject['request']>>;
    try {
      response = await z.request({
        url: req.url,
        method: req.method,
        headers,
        body: body as string | undefined,
        timeout: req.timeoutMs,
        skipThrowForStatus: true,
        throwForThrottlingEarly: false,
      } as Parameters<ZObject['request']>[0]);
    } catch (error) {
      if (isTokenEndpoint401(error, headers)) return makeResponse(401, {}, '');
      if (isZapierControlError(error)) throw error;
      const failure = networkFailureOf(error);
      if (failure) throw networkError(failure, error);
      throw notSent(error);
    }
    return makeResponse(response.status, headerEntries(response.headers), response.content);
  };
}

/**
 * autoRefresh turns every 401 into RefreshAuthError inside `z.request`, before we see the body. For a call without
 * the bearer token (the OAuth token and introspection endpoints) there is no access token to refresh: such a 401
 * means the client id or secret was refused (RFC 6749 §5.2), and refreshing would only fail the same way. Hand the
 * core the 401 (its body is lost) so the error table's OAuth row names the publisher's settings.
 */
function isTokenEndpoint401(error: unknown, headers: Record<string, string>): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return (
    name === 'RefreshAuthError' && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')
  );
}

/** Errors Zapier itself raises inside `z.request` that must reach the platform unchanged. */
function isZapierControlError(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'RefreshAuthError' || name === 'ExpiredAuthError' || name === 'ThrottledError';
}

function notSent(error: unknown): Error {
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(
    `Zapier could not send the request to HubSpot: ${detail}. This is not a network failure, so it was not retried.`,
    { cause: error },
  );
}

/**
 * zapier-platform-core refuses to send a URL or body that still holds `{{bundle.…}}` or `{{process.…}}` (its
 * `throwForCurlies`, in `http-middlewares/before/prepare-request.js`, since core 17): the trace of a mapped field
 * whose placeholder was never filled in. Found here first, with the same pattern, to name the field and halt the
 * step as bad input instead of failing it as "could not reach HubSpot".
 */
const ZAPIER_CURLIES = /{{\s*(bundle|process)\.[^}]*}}/;

function holdsCurlies(value: unknown): boolean {
  return typeof value === 'string' && ZAPIER_CURLIES.test(value);
}

function unfilledPlaceholder(req: HttpRequest): FieldValidationError {
  const found = findCurlies(req.json ?? req.form);
  const field = found?.path.at(-1) ?? 'The request address';
  const placeholder = (found?.value ?? req.url).match(ZAPIER_CURLIES)?.[0] ?? '{{…}}';
  const error = new FieldValidationError(field, field, '');
  error.message =
    `${field}: the value holds ${placeholder}, a placeholder Zapier does not fill in here, so nothing was sent ` +
    'to HubSpot. Map a field that has a value, or remove the curly braces.';
  return error;
}

/** The first string holding Zapier's curlies in a JSON body, with its path (`properties`, `firstname`). */
function findCurlies(value: unknown, path: string[] = []): { path: string[]; value: string } | undefined {
  if (holdsCurlies(value)) return { path, value: value as string };
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findCurlies(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function headerEntries(headers: unknown): Iterable<[string, string]> {
  if (headers && typeof (headers as Headers).entries === 'function') return (headers as Headers).entries();
  return Object.entries((headers ?? {}) as Record<string, string>);
}
