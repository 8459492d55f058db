import type { RelayEvent, RelayEventKind } from '../contract';

/**
 * What the relay keeps, whichever database holds it. Every method takes the time it acts at (`now`, ms), so tests
 * move a clock instead of waiting; nothing here reads `Date.now()`.
 */

export interface StoredSubscription {
  id: string;
  portalId: number;
  targetUrl: string;
  /** As the platform named it (`contacts`, `p_orders`, `2-123`). */
  objectType: string;
  objectTypeId: string;
  event: RelayEventKind;
  property?: string;
  values?: string[];
  /** `listMembership`: the list watched. */
  listId?: string;
  /** The `whsec_` secret that signs deliveries. The user's HubSpot token is never stored. */
  secret: string;
  createdAt: number;
}

/** One event for one subscription: a row of the outbox. */
export interface QueuedEvent {
  subscriptionId: string;
  event: RelayEvent;
}

/** Up to 100 events of one subscription, leased to one worker until `leaseUntil`. */
export interface ClaimedBatch {
  subscription: StoredSubscription;
  /** Stays the same across retries: it is the delivery's `webhook-id`, so a receiver can drop a repeat. */
  batchId: string;
  events: RelayEvent[];
  /** Failed attempts so far for this batch. */
  attempts: number;
  /** When this batch first failed; the dead-letter clock starts here. */
  failingSince?: number;
}

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; at: number; status?: number; error: string }
  | { kind: 'dead'; status?: number; error: string }
  /** The target answered 410 Gone: the subscription is removed, its waiting events kept as dead letters. */
  | { kind: 'gone'; status: number };

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One outbox row, for the admin page and `redeliver`. */
export interface DeliveryRecord {
  id: number;
  subscriptionId: string;
  eventId: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus?: number;
  lastError?: string;
  createdAt: number;
  settledAt?: number;
}

export interface DeliveryCounts {
  pending: number;
  retrying: number;
  dead: number;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  subscriptionId?: string;
  limit?: number;
}

/** Where a portal's journal reading stands. `offset` is HubSpot's `currentOffset` of the last entry read. */
export interface JournalCursor {
  portalId: number;
  offset?: string;
}

export interface RelayStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates tables if needed. */
  migrate(): Promise<void>;
  /** Adds a subscription unless its portal already has `maxPerPortal`; false then. */
  addSubscription(subscription: StoredSubscription, maxPerPortal: number): Promise<boolean>;
  subscription(id: string): Promise<StoredSubscription | undefined>;
  /** Removes a subscription and its undelivered events; false when it did not exist. */
  removeSubscription(id: string): Promise<boolean>;
  subscriptionsOfPortal(portalId: number): Promise<StoredSubscription[]>;
  allSubscriptions(): Promise<StoredSubscription[]>;
  /**
   * Stores events in one transaction, skipping any (subscription, event id) already stored; with `cursor`, moves
   * that portal's journal offset in the same transaction, so an offset never runs ahead of the events it covers.
   * Answers how many rows were new.
   */
  enqueue(items: QueuedEvent[], now: number, cursor?: JournalCursor): Promise<number>;
  /** Leases up to `limit` subscriptions that have events due and no live lease, each with its batch. */
  claimBatches(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedBatch[]>;
  /** Records the outcome of one attempt and releases the lease. */
  settleBatch(batch: ClaimedBatch, owner: string, now: number, outcome: DeliveryOutcome): Promise<void>;
  /** Starts tracking a portal's journal (no offset yet); false when it was tracked already. */
  trackJournal(portalId: number): Promise<boolean>;
  /** Leases up to `limit` portal journals due for a read. */
  claimJournals(owner: string, now: number, leaseMs: number, limit: number): Promise<JournalCursor[]>;
  /** Releases a journal lease and says when to read it again. */
  releaseJournal(portalId: number, owner: string, nextReadAt: number): Promise<void>;
  /** Outbox rows, newest first: the admin page's listing of deliveries and dead letters. */
  listDeliveries(filter?: DeliveryFilter): Promise<DeliveryRecord[]>;
  /** How many outbox rows wait (`retrying`: pending after a failed attempt) or are dead: the metrics' gauges. */
  deliveryCounts(): Promise<DeliveryCounts>;
  /** Puts dead letters back in line (their subscription must still exist); answers how many. */
  redeliver(ids: readonly number[]): Promise<number>;
  /** Forgets delivered events past the dedupe window; answers how many. */
  prune(now: number): Promise<number>;
  close(): Promise<void>;
}
