import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { isPublicAddress } from './targets';

/**
 * The POST that delivers, with the address check inside the connection: the host is resolved once, every answer is
 * checked, and the socket connects to a checked address. A separate check before `fetch` would leave a window in
 * which the host's DNS could change to a private address (DNS rebinding); here there is none.
 * `allowLoopback` is for a loopback host the operator listed in `RELAY_ALLOWED_TARGETS` (local tests).
 */
export function pinnedFetch(allowLoopback: (host: string) => boolean): typeof fetch {
  // Own agents: kept-alive sockets are shared only by requests that passed this instance's checks.
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const checkedLookup =
    (host: string): LookupFunction =>
    (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 4);
        const refused = addresses.find(
          (a) => !isPublicAddress(a.address) && !(allowLoopback(host) && isLoopback(a.address)),
        );
        if (refused || addresses.length === 0) {
          const why = new Error(
            `${hostname} resolves to ${refused?.address ?? 'nothing'}, which is not allowed`,
          );
          return callback(Object.assign(why, { code: 'EADDRNOTALLOWED' }), '', 4);
        }
        if ((options as { all?: boolean }).all)
          return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0]!;
        callback(null, first.address, first.family);
      });
    };

  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !isPublicAddress(host) && !(allowLoopback(url.hostname) && isLoopback(host))) {
      throw new Error(`${host} is not an allowed address`);
    }
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const body = typeof init.body === 'string' ? init.body : '';
    return new Promise<Response>((resolve, reject) => {
      const req = send(
        url,
        {
          method: init.method ?? 'POST',
          headers: { ...(init.headers as Record<string, string>), 'content-length': Buffer.byteLength(body) },
          lookup: checkedLookup(url.hostname),
          agent: secure ? agents.https : agents.http,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(new Response(null, { status: res.statusCode ?? 0 })));
          res.on('error', reject);
        },
      );
      const signal = init.signal;
      signal?.addEventListener('abort', () => req.destroy(signal.reason as Error), { once: true });
      req.on('error', reject);
      req.end(body);
    });
  }) as typeof fetch;
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}
