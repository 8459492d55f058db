import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Who may use the admin page: whoever holds `RELAY_ADMIN_TOKEN`, sent as `Authorization: Bearer …` (scripts) or
 * typed once into the login form, which sets a session cookie (browsers). The cookie never holds the token: it holds
 * an expiry and an HMAC of it keyed by the token, so it is worthless once the token changes, and it is HttpOnly
 * (no script reads it) and SameSite=Strict (no other site's page sends it,
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#samesitesamesite-value).
 */

export const SESSION_COOKIE = 'relay_admin';
export const SESSION_MS = 12 * 3_600_000;

const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/** Equal strings, in time that does not depend on where they differ (digests make the lengths equal). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerOf(header: string | undefined): string | undefined {
  const found = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return found?.[1];
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function newSession(token: string, now: number): string {
  const expires = String(now + SESSION_MS);
  return `${expires}.${hmac(token, `session:${expires}`)}`;
}

export function validSession(token: string, value: string | undefined, now: number): boolean {
  if (!value) return false;
  const [expires = '', mac = ''] = value.split('.');
  if (!/^\d+$/.test(expires) || Number(expires) <= now) return false;
  return sameSecret(mac, hmac(token, `session:${expires}`));
}

/** The CSRF token a session's forms carry: tied to that session, unknown to any other site. */
export function csrfFor(token: string, session: string): string {
  return hmac(token, `csrf:${session}`);
}

export function sessionCookie(value: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/admin',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${SESSION_MS / 1000}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedCookie(): string {
  return `${SESSION_COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0`;
}
