/**
 * The relay's public contract with the platforms: what a Zapier hook trigger or a Make webhook sends to subscribe,
 * and what a delivery to its hook looks like. The only file of `relay/` that `zapier/`, `make/` and `operations/`
 * may import: it depends on nothing but `node:crypto`.
 *
 * Deliveries are signed as Standard Webhooks specifies (https://www.standardwebhooks.com/,
 * https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md): the headers
 * `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256>` of
 * `${id}.${timestamp}.${body}`, keyed with the base64-decoded part of a `whsec_` secret).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a subscription listens for; each maps to HubSpot's `<object>.<event>` webhook types and journal actions. */
export const RELAY_EVENTS = [
  'creation',
  'propertyChange',
  'deletion',
  'restore',
  'merge',
  'associationChange',
  'listMembership',
] as const;
export type RelayEventKind = (typeof RELAY_EVENTS)[number];

/** `POST {RELAY_URL}/v1/subscriptions`, with the user's HubSpot access token as `Authorization: Bearer`. */
export interface SubscriptionRequest {
  /** Where deliveries go: Zapier's `bundle.targetUrl`, Make's `webhook.url`. */
  targetUrl: string;
  /**
   * A CRM object type name (`contacts`, `deals`, `p_orders`) or id (`0-1`, `2-123`). Not needed for
   * `listMembership`: the relay reads the list's own object type.
   */
  objectType?: string;
  event: RelayEventKind;
  /** For `listMembership`: the list (lists v3 `listId`) whose members to watch (required then, refused otherwise). */
  listId?: string;
  /** For `propertyChange`: the one property to watch (required then, refused otherwise). */
  property?: string;
  /** For `propertyChange`: deliver only when the new value is one of these (e.g. a deal stage id). */
  values?: string[];
}

/** 201 answer to a subscription request. The secret signs every delivery; the relay never shows it again. */
export interface SubscriptionCreated {
  id: string;
  secret: string;
  portalId: number;
  objectType: string;
  event: RelayEventKind;
  property?: string;
  listId?: string;
}

/** `DELETE {RELAY_URL}/v1/subscriptions/{id}`, with a token of the same portal → 204. */
export const SUBSCRIPTIONS_PATH = '/v1/subscriptions';

/** One HubSpot event as the relay hands it over, whichever way it came in (push or journal). */
export interface RelayEvent {
  /** HubSpot's event id: the dedupe key, per subscription. */
  eventId: string;
  /** When the change happened in HubSpot, ms since the epoch. */
  occurredAt: number;
  portalId: number;
  /** The object type id (`0-1`) of the record. */
  objectTypeId: string;
  objectId: string;
  event: RelayEventKind;
  propertyName?: string;
  propertyValue?: string;
  changeSource?: string;
  /** `merge`: the record that remains, and the ids merged into it. */
  primaryObjectId?: string;
  mergedObjectIds?: string[];
  /** `associationChange`: the other side and the label. */
  association?: {
    toObjectTypeId: string;
    toObjectId: string;
    associationTypeId?: number;
    associationCategory?: string;
    removed: boolean;
  };
  /** `listMembership`: the list, and whether the record left it (false: it joined). */
  list?: { listId: string; removed: boolean };
}

/** The JSON body of one delivery: at most `MAX_EVENTS_PER_DELIVERY` events of one subscription, oldest first. */
export interface Delivery {
  subscriptionId: string;
  portalId: number;
  objectType: string;
  event: RelayEventKind;
  events: RelayEvent[];
}

export const MAX_EVENTS_PER_DELIVERY = 100;

export const SIGNATURE_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** How old a delivery may be when it is verified (Standard Webhooks' recommended tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = 'whsec_';

/** A new subscription secret: `whsec_` and 32 random bytes in base64. */
export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, 'base64');
}

/** The `webhook-signature` header value for one delivery. */
export function signDelivery(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks a delivery: all three headers present, a timestamp within the tolerance either side of `nowMs`, and one of
 * the space-separated `v1,` signatures equal (timing-safe) to the expected one. Header names are matched without case.
 */
export function verifyDelivery(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  nowMs: number,
): VerifyResult {
  const header = (name: string) => {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header(SIGNATURE_HEADERS.id);
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const signatures = header(SIGNATURE_HEADERS.signature);
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'the delivery is not signed' };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return { ok: false, reason: 'the delivery timestamp is not a number' };
  if (Math.abs(nowMs / 1000 - seconds) > SIGNATURE_TOLERANCE_SECONDS)
    return { ok: false, reason: 'the delivery timestamp is more than 5 minutes away' };
  const expected = Buffer.from(signDelivery(secret, id, seconds, body));
  const match = signatures
    .split(' ')
    .map((s) => Buffer.from(s))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
  return match ? { ok: true } : { ok: false, reason: 'the delivery signature does not match' };
}
