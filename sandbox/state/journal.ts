import { randomBytes } from 'node:crypto';
import { JOURNAL_RETENTION_MS, type JournalAction, type SubscriptionType } from '../facts/webhooksJournal';

/**
 * The webhooks journal's state: install-specific subscriptions per app, and each app's journal, an ordered list of
 * entries (one per write that matched a subscription) kept 3 days. Reads live in `../routes/journal.ts`, the
 * recording in `../journal/recorder.ts`.
 */

export interface JournalSubscription {
  id: number;
  appId: number;
  portalId: number;
  subscriptionType: SubscriptionType;
  objectTypeId?: string;
  actions: JournalAction[];
  /** OBJECT: the properties whose changes count (all when empty) and that a CREATE reports. */
  properties: string[];
  /** Only these objects, when not empty. */
  objectIds: number[];
  /** ASSOCIATION: only associations to these types, when not empty. */
  associatedObjectTypeIds: string[];
  listIds: number[];
  createdAt: number;
  updatedAt: number;
}

export type SubscriptionInput = Omit<JournalSubscription, 'id' | 'createdAt' | 'updatedAt'>;

/** One event in a journal file; see `../journal/events.ts` for the fields. */
export type JournalEvent = Record<string, unknown> & { eventId: number; subscriptionId: number };

export interface JournalEntry {
  /** Position in the app's journal, increasing; `offset` is its UUID form. */
  seq: number;
  offset: string;
  appId: number;
  portalId: number;
  publishedAt: number;
  events: JournalEvent[];
}

export class JournalStore {
  private readonly subscriptions = new Map<number, JournalSubscription>();
  private entries: JournalEntry[] = [];
  private readonly byOffset = new Map<string, JournalEntry>();
  private nextSubscriptionId = 1;
  private nextSeq = 1;
  private nextEventId = 1;
  /** Signs the pre-signed file URLs; kept across restarts so URLs handed out stay valid until they expire. */
  fileSecret = randomBytes(32).toString('hex');

  subscriptionsOf(appId: number): JournalSubscription[] {
    return [...this.subscriptions.values()].filter((s) => s.appId === appId);
  }

  subscription(appId: number, id: number): JournalSubscription | undefined {
    const found = this.subscriptions.get(id);
    return found?.appId === appId ? found : undefined;
  }

  /** The endpoint creates or updates: the same app, portal, type and target (object type, lists) is one subscription. */
  upsert(input: SubscriptionInput, now: number): { subscription: JournalSubscription; created: boolean } {
    const existing = this.subscriptionsOf(input.appId).find((s) => sameTarget(s, input));
    if (existing) {
      Object.assign(existing, input, { updatedAt: now });
      return { subscription: existing, created: false };
    }
    const subscription = { ...input, id: this.nextSubscriptionId++, createdAt: now, updatedAt: now };
    this.subscriptions.set(subscription.id, subscription);
    return { subscription, created: true };
  }

  remove(id: number): void {
    this.subscriptions.delete(id);
  }

  /** Removes every subscription of the app for one portal; how many went. */
  removeForPortal(appId: number, portalId: number): number {
    const gone = this.subscriptionsOf(appId).filter((s) => s.portalId === portalId);
    for (const s of gone) this.subscriptions.delete(s.id);
    return gone.length;
  }

  /** Apps with at least one subscription, in the order they first subscribed. */
  subscribedApps(): number[] {
    return [...new Set([...this.subscriptions.values()].map((s) => s.appId))];
  }

  /** Whether any subscription exists at all: most writes then skip the journal entirely. */
  listening(): boolean {
    return this.subscriptions.size > 0;
  }

  /** Appends one entry with these events (numbered here) to the app's journal. */
  append(appId: number, portalId: number, events: Array<Omit<JournalEvent, 'eventId'>>, now: number) {
    const seq = this.nextSeq++;
    const entry: JournalEntry = {
      seq,
      offset: offsetOf(seq, now),
      appId,
      portalId,
      publishedAt: now,
      events: events.map((e) => ({ ...e, eventId: this.nextEventId++ }) as JournalEvent),
    };
    this.entries.push(entry);
    this.byOffset.set(entry.offset, entry);
    return entry;
  }

  /** The app's entries still kept, oldest first, for one portal (local journal) or all (global). */
  entriesOf(appId: number, now: number, portalId?: number): JournalEntry[] {
    this.purge(now);
    return this.entries.filter(
      (e) => e.appId === appId && (portalId === undefined || e.portalId === portalId),
    );
  }

  /** An entry still kept, by its offset. */
  find(offset: string, now: number): JournalEntry | undefined {
    this.purge(now);
    return this.byOffset.get(offset.toLowerCase());
  }

  /** Drops entries older than the retention period (3 days of the sandbox clock). */
  purge(now: number): void {
    const cutoff = now - JOURNAL_RETENTION_MS;
    const firstKept = this.entries.findIndex((e) => e.publishedAt > cutoff);
    const drop = firstKept === -1 ? this.entries.length : firstKept;
    if (drop === 0) return;
    for (const e of this.entries.slice(0, drop)) this.byOffset.delete(e.offset);
    this.entries = this.entries.slice(drop);
  }

  toJSON() {
    return {
      subscriptions: [...this.subscriptions.values()],
      entries: this.entries,
      nextSubscriptionId: this.nextSubscriptionId,
      nextSeq: this.nextSeq,
      nextEventId: this.nextEventId,
      fileSecret: this.fileSecret,
    };
  }

  /** Absent in state saved before the journal existed. */
  load(state: ReturnType<JournalStore['toJSON']> | undefined): void {
    if (!state) return;
    for (const s of state.subscriptions) this.subscriptions.set(s.id, s);
    for (const e of state.entries) {
      this.entries.push(e);
      this.byOffset.set(e.offset, e);
    }
    this.nextSubscriptionId = Math.max(this.nextSubscriptionId, state.nextSubscriptionId);
    this.nextSeq = Math.max(this.nextSeq, state.nextSeq);
    this.nextEventId = Math.max(this.nextEventId, state.nextEventId);
    this.fileSecret = state.fileSecret;
  }
}

function sameTarget(a: SubscriptionInput, b: SubscriptionInput): boolean {
  const key = (s: SubscriptionInput) =>
    JSON.stringify([
      s.portalId,
      s.subscriptionType,
      s.objectTypeId ?? '',
      [...s.associatedObjectTypeIds].sort(),
      [...s.listIds].sort(),
    ]);
  return key(a) === key(b);
}

/**
 * HubSpot's offsets are UUIDs (`currentOffset: string<uuid>`). The sandbox builds them in the UUIDv7 layout (RFC 9562):
 * the sandbox clock's milliseconds, then the entry's sequence number, so later entries have greater offsets, also as
 * strings, and an offset says where it stands.
 */
export function offsetOf(seq: number, at: number): string {
  const time = Math.max(0, at).toString(16).padStart(12, '0').slice(-12);
  const s = seq.toString(16).padStart(18, '0').slice(-18);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${s.slice(0, 3)}-8${s.slice(3, 6)}-${s.slice(6)}`;
}
