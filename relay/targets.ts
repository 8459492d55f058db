import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a delivery may go. A subscription carries a URL chosen by whoever holds a HubSpot token, and the relay POSTs
 * to it: without these checks the relay would be a way to reach the relay's own network (SSRF). Rules:
 * - the host is on the allow-list (`RELAY_ALLOWED_TARGETS`; Zapier's and Make's hook hosts by default);
 * - https, and every address the host resolves to is public;
 * - except a loopback host (`127.0.0.1`, `localhost`, `[::1]`) named in `RELAY_ALLOWED_TARGETS` itself, which may
 *   use http: local tests and development. Private and link-local addresses are never allowed.
 * Checked at subscription time and again before each delivery (DNS answers change).
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Private (RFC 1918, RFC 4193), loopback, link-local, CGNAT, unspecified and other non-public ranges. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return !BLOCKED.check(mapped, 'ipv4');
  return !BLOCKED.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export interface TargetPolicy {
  allowedTargets: readonly string[];
  explicitTargets: readonly string[];
  /** DNS, replaceable in tests. */
  resolve?: (host: string) => Promise<string[]>;
}

const defaultResolve = async (host: string) => (await lookup(host, { all: true })).map((a) => a.address);

/** Answers why a target URL is refused, or undefined when it is fine. */
export async function targetProblem(targetUrl: string, policy: TargetPolicy): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return 'targetUrl must be an absolute https URL';
  }
  const host = url.hostname.toLowerCase();
  const hostPort = url.port ? `${host}:${url.port}` : host;
  const listed = (list: readonly string[]) => list.includes(host) || list.includes(hostPort);
  if (!listed(policy.allowedTargets)) {
    return `targetUrl must be on an allowed host (${policy.allowedTargets.join(', ')}); ${host} is not`;
  }
  const localAllowed = listed(policy.explicitTargets) && LOOPBACK_HOSTS.has(host);
  if (url.protocol !== 'https:' && !(localAllowed && url.protocol === 'http:')) {
    return 'targetUrl must use https';
  }
  if (url.username || url.password) return 'targetUrl must not carry a user name or password';
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(bare) ? [bare] : await (policy.resolve ?? defaultResolve)(bare);
  } catch {
    return `targetUrl's host ${host} does not resolve`;
  }
  if (addresses.length === 0) return `targetUrl's host ${host} does not resolve`;
  for (const address of addresses) {
    const loopback = LOOPBACK.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
    if (loopback && localAllowed) continue;
    if (!isPublicAddress(address)) {
      return `targetUrl's host ${host} resolves to ${address}, a private, loopback or link-local address`;
    }
  }
  return undefined;
}

/** Whether a host may be reached on loopback: a loopback host named in `RELAY_ALLOWED_TARGETS` itself. */
export function loopbackAllowed(policy: TargetPolicy, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    LOOPBACK_HOSTS.has(host) && policy.explicitTargets.some((t) => t === host || t.startsWith(`${host}:`))
  );
}
