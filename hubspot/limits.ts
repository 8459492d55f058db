/**
 * Every numeric HubSpot limit the connector and the sandbox obey, in one table.
 * Source: https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 * and the CRM search guide https://developers.hubspot.com/docs/api/crm/search
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

/** The rolling burst window HubSpot counts in (`X-HubSpot-RateLimit-Interval-Milliseconds`). */
export const BURST_WINDOW_MS = 10_000;

interface TierLimits {
  /** Requests per 10-second rolling window, per app and portal, for privately distributed apps. */
  privateBurst: number;
  /** Requests per day, shared by every private app of the portal. */
  daily: number;
}

export const TIER_LIMITS: Readonly<Record<PortalTier, TierLimits>> = {
  free: { privateBurst: 100, daily: 250_000 },
  starter: { privateBurst: 100, daily: 250_000 },
  professional: { privateBurst: 190, daily: 625_000 },
  enterprise: { privateBurst: 190, daily: 1_000_000 },
  'api-add-on': { privateBurst: 250, daily: 1_250_000 },
};

/** Public (OAuth) apps: 110 requests per 10 s per installing portal, no documented daily quota. */
export const OAUTH_APP_BURST = 110;

/** CRM search: 5 requests per second per portal, whatever the app. */
export const SEARCH_REQUESTS_PER_SECOND = 5;
export const SEARCH_WINDOW_MS = 1_000;

/**
 * The window each 429 `policyName` counts in: a request it refused fits again once that window has passed.
 * `DAILY` is not here: it lasts until midnight in the portal's time zone.
 * https://developers.hubspot.com/docs/api/usage-details
 */
export const RATE_LIMIT_POLICY_WINDOW_MS: Readonly<Record<string, number>> = {
  TEN_SECONDLY_ROLLING: BURST_WINDOW_MS,
  SECONDLY: SEARCH_WINDOW_MS,
};

export function burstLimit(tier: PortalTier, appType: AppType): number {
  return appType === 'oauth' ? OAUTH_APP_BURST : TIER_LIMITS[tier].privateBurst;
}

/** Daily quota, or `undefined` where HubSpot documents none (OAuth apps). */
export function dailyLimit(tier: PortalTier, appType: AppType): number | undefined {
  return appType === 'oauth' ? undefined : TIER_LIMITS[tier].daily;
}

export const SEARCH = {
  maxFilterGroups: 5,
  maxFiltersPerGroup: 6,
  maxFiltersTotal: 18,
  maxLimit: 200,
  defaultLimit: 10,
  /** Paging past this many results answers 400. */
  maxResults: 10_000,
  maxQueryLength: 3_000,
  maxSorts: 1,
} as const;

export const BATCH = {
  /** Object batch read/create/update/upsert/archive. */
  maxObjectInputs: 100,
  /** Associations v4 batch endpoints. */
  maxAssociationInputs: 1_000,
} as const;

export const PAGING = {
  defaultLimit: 10,
  maxListLimit: 100,
  maxListLimitWithHistory: 50,
  maxAssociationsLimit: 500,
  /** `GET /crm/v3/owners` page size. */
  maxOwnersLimit: 500,
} as const;

/**
 * Every property value is stored as a string of at most 65,536 characters ("Single-line text ... up to 65,536
 * characters"; the same cap holds for multi-line text and a note's body):
 * https://knowledge.hubspot.com/properties/property-field-types-in-hubspot
 * https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide
 */
export const MAX_PROPERTY_VALUE_LENGTH = 65_536;

/** OAuth access tokens live 30 minutes. */
export const OAUTH_ACCESS_TOKEN_TTL_S = 1_800;
