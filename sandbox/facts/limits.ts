/**
 * HubSpot's numeric limits as the sandbox enforces them, read from HubSpot's docs (not shared with the connector).
 * Rate limits: https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 * Search: https://developers.hubspot.com/docs/api/crm/search ("Limitations")
 * Batch: https://developers.hubspot.com/docs/api/crm/understanding-the-crm (100 inputs a batch call),
 * associations v4 batch: https://developers.hubspot.com/docs/api/crm/associations/v4 (1,000 inputs)
 */

export type PortalTier = 'free' | 'starter' | 'professional' | 'enterprise' | 'api-add-on';
export type AppType = 'private' | 'oauth';

export const PORTAL_TIERS: readonly PortalTier[] = [
  'free',
  'starter',
  'professional',
  'enterprise',
  'api-add-on',
];
export const APP_TYPES: readonly AppType[] = ['private', 'oauth'];

/** HubSpot counts its burst limit over a rolling 10 seconds (`X-HubSpot-RateLimit-Interval-Milliseconds: 10000`). */
export const BURST_WINDOW_MS = 10_000;

/**
 * Private apps: requests per 10 s (per app) and per day (per portal), by the portal's subscription. The API limit
 * increase add-on raises both.
 */
const PRIVATE_APP_LIMITS: Readonly<Record<PortalTier, { per10s: number; perDay: number }>> = {
  free: { per10s: 100, perDay: 250_000 },
  starter: { per10s: 100, perDay: 250_000 },
  professional: { per10s: 190, perDay: 625_000 },
  enterprise: { per10s: 190, perDay: 1_000_000 },
  'api-add-on': { per10s: 250, perDay: 1_250_000 },
};

/** Public (OAuth) apps: 110 requests per 10 s for each portal that installed the app; no daily quota is documented. */
const OAUTH_APP_PER_10S = 110;

/** CRM search endpoints: 5 requests per second per portal. */
export const SEARCH_REQUESTS_PER_SECOND = 5;

export function burstLimit(tier: PortalTier, appType: AppType): number {
  return appType === 'oauth' ? OAUTH_APP_PER_10S : PRIVATE_APP_LIMITS[tier].per10s;
}

export function dailyLimit(tier: PortalTier, appType: AppType): number | undefined {
  return appType === 'oauth' ? undefined : PRIVATE_APP_LIMITS[tier].perDay;
}

export const SEARCH = {
  maxFilterGroups: 5,
  maxFiltersPerGroup: 6,
  maxFiltersTotal: 18,
  maxLimit: 200,
  defaultLimit: 10,
  /** `after` past 10,000 results answers 400. */
  maxResults: 10_000,
  maxQueryLength: 3_000,
  maxSorts: 1,
} as const;

export const BATCH = {
  maxObjectInputs: 100,
  maxAssociationInputs: 1_000,
} as const;

export const PAGING = {
  defaultLimit: 10,
  maxListLimit: 100,
  /** A list read asking for `propertiesWithHistory` returns at most 50 records a page. */
  maxListLimitWithHistory: 50,
  maxAssociationsLimit: 500,
  maxOwnersLimit: 500,
} as const;

/** OAuth access tokens expire after 30 minutes (`expires_in: 1800`). */
export const OAUTH_ACCESS_TOKEN_TTL_S = 1_800;
