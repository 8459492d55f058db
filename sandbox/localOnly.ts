import { isAdminPath } from './adminPath';
import { fail } from './errors';
import type { Route } from './router';

/**
 * Routes that mint tokens, register OAuth apps or set URLs the sandbox sends data to answer only callers on this
 * machine, never a web page the developer happens to have open: the admin API (`/__sandbox/…`) and the developer
 * routes (webhooks management with the developer key). HubSpot's own routes (`/crm/…`, `/oauth/v3/token` with its
 * form body) are left as HubSpot serves them.
 * - Host must name a loopback address: a DNS-rebinding page reaches 127.0.0.1 under its own name, and its Host says so.
 * - Origin, which browsers send on every cross-site POST (even a body-less `no-cors` fetch), must be loopback too.
 * - A body must be `application/json`: text/plain, form and multipart bodies are CORS "simple requests" a page may send
 *   anywhere without asking, whereas JSON needs a preflight, which the sandbox never grants (it sends no
 *   `Access-Control-*` header at all). https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#simple_requests
 * A request without Host is an in-process call (`sandbox.handle`): browsers always send one, and Node's server refuses
 * an HTTP/1.1 request without it.
 */

export const isLocalOnly = (route: Route) => isAdminPath(route.pattern) || route.auth === 'developer';

/** 127.0.0.0/8, localhost or [::1], with any port. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}|\[::1\])(?::\d{1,5})?$/i;

const BODILESS_METHODS = ['GET', 'HEAD'];

/** Throws the sandbox's 403 or 415 unless the request comes from this machine, with a JSON body if any. */
export function requireLocalCaller(method: string, headers: Record<string, string>, rawBody: Buffer): void {
  const { host, origin } = headers;
  if (host !== undefined && !LOOPBACK_HOST.test(host)) {
    throw refusal(
      `requests addressed to a loopback host (127.0.0.0/8, localhost or [::1]); Host was '${host}'`,
    );
  }
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    throw refusal(`requests from pages on a loopback host; Origin was '${origin}'`);
  }
  if (BODILESS_METHODS.includes(method)) return;
  const contentType = headers['content-type'];
  if (rawBody.length === 0 && contentType === undefined) return;
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw fail(
      415,
      `The sandbox's admin and developer routes take a JSON body: Content-Type must be application/json; got ${contentType === undefined ? 'none' : `'${contentType}'`}.`,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  }
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return ['http:', 'https:'].includes(url.protocol) && LOOPBACK_HOST.test(url.host);
  } catch {
    // `null` (a sandboxed frame, a file:// page) and anything unparsable are not this machine.
    return false;
  }
}

const refusal = (rule: string) =>
  fail(403, `The sandbox's admin and developer routes answer only ${rule}.`, 'LOCAL_ONLY');
