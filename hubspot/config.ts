/**
 * Where HubSpot lives and which API path family to call. Read from the environment at call time (never frozen at
 * module load) so a test, the sandbox, or `zapier-platform invoke` can point the connector elsewhere per run.
 * Path families: https://developers.hubspot.com/docs/api-reference/latest/overview (date-versioned, GA 2026-03-30)
 * and the legacy `/crm/v3` + `/crm/v4` paths that `@hubspot/api-client` 14 still calls.
 */

import { DATED_API_VERSION } from './apiVersions';

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';
/** Form submissions are served from their own host: https://developers.hubspot.com/docs/api/marketing/forms */
export const DEFAULT_FORMS_BASE_URL = 'https://api.hsforms.com';

export const API_FAMILIES = ['legacy', DATED_API_VERSION] as const;
export type ApiFamily = (typeof API_FAMILIES)[number];

function envValue(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `HUBSPOT_BASE_URL` or `https://api.hubapi.com`, without a trailing slash. */
export function baseUrl(): string {
  return trimSlashes(envValue('HUBSPOT_BASE_URL') ?? DEFAULT_BASE_URL);
}

/**
 * `HUBSPOT_FORMS_BASE_URL`, else `HUBSPOT_BASE_URL` (so a local sandbox also serves form submissions), else
 * `https://api.hsforms.com`.
 */
export function formsBaseUrl(): string {
  return trimSlashes(
    envValue('HUBSPOT_FORMS_BASE_URL') ?? envValue('HUBSPOT_BASE_URL') ?? DEFAULT_FORMS_BASE_URL,
  );
}

/** `HUBSPOT_API_VERSION` (`legacy` or `2026-03`), default `legacy`. An unknown value is a setup mistake: throw. */
export function apiFamily(): ApiFamily {
  const value = envValue('HUBSPOT_API_VERSION') ?? 'legacy';
  if ((API_FAMILIES as readonly string[]).includes(value)) return value as ApiFamily;
  throw new Error(`HUBSPOT_API_VERSION must be one of ${API_FAMILIES.join(', ')}; got "${value}".`);
}

/**
 * `HUBSPOT_REQUEST_TIMEOUT_MS`: the longest one HubSpot request waits for its answer, replacing the default cap
 * (`timeout.ts`); `undefined` when unset. Anything but a whole number of milliseconds above 0 is a setup mistake.
 */
export function requestTimeoutOverride(): number | undefined {
  const value = envValue('HUBSPOT_REQUEST_TIMEOUT_MS');
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (Number.isInteger(ms) && ms > 0) return ms;
  throw new Error(
    `HUBSPOT_REQUEST_TIMEOUT_MS must be a whole number of milliseconds above 0; got "${value}".`,
  );
}

/**
 * The publisher's HubSpot app id and developer API key (`HUBSPOT_APP_ID`, `HUBSPOT_DEVELOPER_API_KEY`), which
 * HubSpot requires to list the app's timeline event templates: the user's OAuth token cannot
 * (https://developers.hubspot.com/docs/api/crm/timeline). Undefined unless both are set.
 */
export function developerAppCredentials(): { appId: string; developerApiKey: string } | undefined {
  const appId = envValue('HUBSPOT_APP_ID');
  const developerApiKey = envValue('HUBSPOT_DEVELOPER_API_KEY');
  return appId && developerApiKey ? { appId, developerApiKey } : undefined;
}
