/**
 * What a portal must have bought for an endpoint to answer, beside the token's scopes. HubSpot answers 403 when the
 * portal lacks it. Sources: workflows API, https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/guide
 * (Professional); sequences, https://developers.hubspot.com/docs/api-reference/2026-03/automation/sequences/guide
 * (the user needs a Sales Hub or Service Hub Professional or Enterprise seat); custom events,
 * https://developers.hubspot.com/docs/api/analytics/events (Enterprise); transactional e-mail,
 * https://developers.hubspot.com/docs/methods/email/transactional_email/single-send-overview (the add-on).
 */
export const PRODUCT_FEATURES = {
  workflows: 'Marketing, Sales, Service, Content or Data Hub Professional or Enterprise',
  sequences: 'a Sales Hub or Service Hub Professional or Enterprise seat',
  behavioralEvents: 'Marketing, Sales, Service, Content or Data Hub Enterprise',
  transactionalEmail: 'the Transactional Email add-on',
} as const;

export type ProductFeature = keyof typeof PRODUCT_FEATURES;

export const ALL_PRODUCT_FEATURES = Object.keys(PRODUCT_FEATURES) as ProductFeature[];

/** Signed file URLs: `expirationSeconds` defaults to an hour and may reach 6 hours (files API reference). */
export const SIGNED_URL_SECONDS = { fallback: 3600, max: 21_600 } as const;

/** Legal bases HubSpot takes for a subscription status change (subscription preferences v4 reference). */
export const LEGAL_BASES = [
  'LEGITIMATE_INTEREST_PQL',
  'LEGITIMATE_INTEREST_CLIENT',
  'PERFORMANCE_OF_CONTRACT',
  'CONSENT_WITH_NOTICE',
  'NON_GDPR',
  'PROCESS_AND_STORE',
  'LEGITIMATE_INTEREST_OTHER',
] as const;
