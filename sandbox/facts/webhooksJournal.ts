/**
 * HubSpot's webhooks journal, API version 2026-03: the pull side of webhooks. Subscriptions are install-specific (one
 * portal each), events are appended to the app's journal, and the app reads it with an app-level token from the
 * client-credentials grant.
 * Guide: https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide
 * Journal reads: https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide
 */

/** The scopes a client-credentials token may carry for the journal (guide, "Authentication and scopes"). */
export const JOURNAL_SCOPES = {
  read: 'developer.webhooks_journal.read',
  subscriptionsRead: 'developer.webhooks_journal.subscriptions.read',
  subscriptionsWrite: 'developer.webhooks_journal.subscriptions.write',
  snapshotsRead: 'developer.webhooks_journal.snapshots.read',
  snapshotsWrite: 'developer.webhooks_journal.snapshots.write',
} as const;
export const ALL_JOURNAL_SCOPES: readonly string[] = Object.values(JOURNAL_SCOPES);

/**
 * App tokens last as long as OAuth access tokens (30 minutes, "expires after 30 minutes":
 * https://developers.hubspot.com/docs/api-reference/latest/authentication/manage-oauth-tokens). The journal guide
 * gives no other lifetime for the client-credentials grant; callers read `expires_in`.
 */
export const APP_TOKEN_TTL_S = 1_800;

/** "query for changes that occurred for your subscriptions over the past 3 days" (journal-entries guide). */
export const JOURNAL_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * How long a journal file's pre-signed URL works. HubSpot answers `expiresAt` with each URL but documents no figure;
 * 15 minutes is the sandbox's choice (read `expiresAt`, never assume it).
 */
export const FILE_URL_TTL_MS = 15 * 60 * 1000;

/** `count` of the batch reads: "Must be an integer with a minimum value of 1"; no maximum is documented (sandbox: 100). */
export const MAX_BATCH_COUNT = 100;

/** The subscription types of `POST /webhooks-journal/subscriptions/2026-03` (SubscriptionResponse.subscriptionType). */
export const SUBSCRIPTION_TYPES = [
  'OBJECT',
  'ASSOCIATION',
  'EVENT',
  'APP_LIFECYCLE_EVENT',
  'LIST_MEMBERSHIP',
  'GDPR_PRIVACY_DELETION',
] as const;
export type SubscriptionType = (typeof SUBSCRIPTION_TYPES)[number];

/** Every action value of the 2026-03 subscription schema. */
export const JOURNAL_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'MERGE',
  'RESTORE',
  'ASSOCIATION_ADDED',
  'ASSOCIATION_REMOVED',
  'SNAPSHOT',
  'APP_INSTALL',
  'APP_UNINSTALL',
  'ADDED_TO_LIST',
  'REMOVED_FROM_LIST',
  'GDPR_DELETE',
] as const;
export type JournalAction = (typeof JOURNAL_ACTIONS)[number];

/** The actions that make sense per subscription type (the sandbox refuses the others, naming these). */
export const ACTIONS_BY_TYPE: Readonly<Partial<Record<SubscriptionType, readonly JournalAction[]>>> = {
  OBJECT: ['CREATE', 'UPDATE', 'DELETE', 'MERGE', 'RESTORE'],
  ASSOCIATION: ['ASSOCIATION_ADDED', 'ASSOCIATION_REMOVED'],
  LIST_MEMBERSHIP: ['ADDED_TO_LIST', 'REMOVED_FROM_LIST'],
  GDPR_PRIVACY_DELETION: ['GDPR_DELETE'],
};

/** Subscription types the sandbox accepts and emits events for. */
export const SUPPORTED_SUBSCRIPTION_TYPES: readonly SubscriptionType[] = [
  'OBJECT',
  'ASSOCIATION',
  'LIST_MEMBERSHIP',
  'GDPR_PRIVACY_DELETION',
];
