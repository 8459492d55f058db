/**
 * The relay's settings, read once from the environment at start. A setting that is present but malformed stops the
 * start with a message naming it; secrets are kept here and never echoed.
 */

/**
 * Where deliveries may go when `RELAY_ALLOWED_TARGETS` is unset: Zapier's REST hook host, which serves every hook
 * URL Zapier subscribes (https://docs.zapier.com/platform/build/cli-hook-trigger), and Make's
 * webhook host of each zone (`hook.<zone>`, zones listed in https://developers.make.com/api-documentation/getting-started/api-structure).
 */
export const DEFAULT_ALLOWED_TARGETS = [
  'hooks.zapier.com',
  'hook.eu1.make.com',
  'hook.eu2.make.com',
  'hook.us1.make.com',
  'hook.us2.make.com',
  'hook.eu1.make.celonis.com',
  'hook.us1.make.celonis.com',
] as const;

export type IngestMode = 'push' | 'journal' | 'both';

export interface RelayConfig {
  hubspotBaseUrl: string;
  clientId?: string;
  clientSecret?: string;
  appId?: number;
  developerApiKey?: string;
  /** The URL HubSpot calls (and signs) for pushed events; the relay's own address when unset. */
  publicUrl?: string;
  databaseUrl?: string;
  /** Hosts deliveries may go to, lower case. */
  allowedTargets: readonly string[];
  /** Hosts named in `RELAY_ALLOWED_TARGETS` itself: only these may be loopback and use http (local tests). */
  explicitTargets: readonly string[];
  alertUrl?: string;
  adminToken?: string;
  /** When set, `/metrics` answers only requests bearing it. */
  metricsToken?: string;
  ingest: IngestMode;
  /** How often each portal's journal is read. */
  journalIntervalMs: number;
  /** A portal's journal this far behind (not read to its newest entry for this long) raises an alert. */
  journalLagAlertMs: number;
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function urlSetting(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return raw.replace(/\/+$/, '');
  } catch {}
  throw new Error(`${name} must be an absolute http(s) URL, e.g. https://relay.example.com.`);
}

function integerSetting(env: Env, name: string): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (Number.isSafeInteger(n) && n > 0) return n;
  throw new Error(`${name} must be a whole number above 0.`);
}

/** `RELAY_ALLOWED_TARGETS`: comma-separated host names (`host` or `host:port`); `default` adds the list above. */
function targets(env: Env): { allowed: string[]; explicit: string[] } {
  const raw = value(env, 'RELAY_ALLOWED_TARGETS');
  if (raw === undefined) return { allowed: [...DEFAULT_ALLOWED_TARGETS], explicit: [] };
  const items = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const explicit = items.filter((h) => h !== 'default');
  const bad = explicit.find((h) => !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(h));
  if (bad) throw new Error(`RELAY_ALLOWED_TARGETS must list host names like hooks.zapier.com; got "${bad}".`);
  const allowed = items.includes('default') ? [...DEFAULT_ALLOWED_TARGETS, ...explicit] : explicit;
  return { allowed, explicit };
}

function ingestMode(env: Env): IngestMode {
  const raw = value(env, 'RELAY_INGEST') ?? 'push';
  if (raw === 'push' || raw === 'journal' || raw === 'both') return raw;
  throw new Error(`RELAY_INGEST must be push, journal or both; got "${raw}".`);
}

export function loadConfig(env: Env = process.env): RelayConfig {
  const { allowed, explicit } = targets(env);
  const optional = <K extends keyof RelayConfig>(key: K, v: RelayConfig[K] | undefined) =>
    v === undefined ? {} : { [key]: v };
  return {
    hubspotBaseUrl: urlSetting(env, 'HUBSPOT_BASE_URL') ?? 'https://api.hubapi.com',
    ...optional('clientId', value(env, 'HUBSPOT_CLIENT_ID')),
    ...optional('clientSecret', value(env, 'HUBSPOT_CLIENT_SECRET')),
    ...optional('appId', integerSetting(env, 'HUBSPOT_APP_ID')),
    ...optional('developerApiKey', value(env, 'HUBSPOT_DEVELOPER_API_KEY')),
    ...optional('publicUrl', urlSetting(env, 'RELAY_PUBLIC_URL')),
    ...optional('databaseUrl', value(env, 'RELAY_DATABASE_URL')),
    allowedTargets: allowed,
    explicitTargets: explicit,
    ...optional('alertUrl', urlSetting(env, 'RELAY_ALERT_URL')),
    ...optional('adminToken', value(env, 'RELAY_ADMIN_TOKEN')),
    ...optional('metricsToken', value(env, 'RELAY_METRICS_TOKEN')),
    ingest: ingestMode(env),
    journalIntervalMs: integerSetting(env, 'RELAY_JOURNAL_INTERVAL_MS') ?? 5_000,
    journalLagAlertMs: (integerSetting(env, 'RELAY_JOURNAL_LAG_ALERT_SECONDS') ?? 300) * 1000,
  };
}
