import { emit, type RelayHooks } from './hooks';
import {
  type HubSpotApi,
  HubSpotCallError,
  type JournalSubscriptionFound,
  type JournalSubscriptionSpec,
} from './hubspotApi';
import { fromJournalFile, journalActions, journalSubscriptionType } from './hubspotEvents';
import { ingest } from './ingest';
import { readScopesFor } from './objectTypes';
import type { RelayStore, StoredSubscription } from './store/types';

/**
 * The pull way in: HubSpot's webhooks journal (2026-03), read per portal from a stored offset. The journal keeps
 * 3 days (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide), so a
 * relay that was down for two days reads on from its offset and loses nothing. Each entry's events and the offset
 * after it are stored in one transaction: a crash re-reads at most one entry, whose events the outbox dedupes.
 */

const LEASE_MS = 60_000;
/** Entries read per portal per turn, so one busy portal does not starve the others. */
const ENTRIES_PER_TURN = 50;

export interface JournalReaderOptions {
  store: RelayStore;
  api: HubSpotApi;
  owner: string;
  intervalMs: number;
  hooks?: RelayHooks;
  now?: () => number;
  /** Called when events were stored, so delivery starts at once. */
  onEvents?: () => void;
}

export class JournalReader {
  private timer: NodeJS.Timeout | undefined;
  private turn: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: JournalReaderOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * A portal's first subscription of a kind: create or widen its install-specific journal subscription (actions and
   * properties of every relay subscription of that portal, object type and journal subscription type; lists for list
   * memberships), and start reading its journal.
   */
  async subscribe(subscription: StoredSubscription): Promise<void> {
    const { store, api } = this.options;
    const stored = await store.subscriptionsOfPortal(subscription.portalId);
    const all = stored.some((s) => s.id === subscription.id) ? stored : [...stored, subscription];
    const wanted = wantedJournalSubscriptions(subscription.portalId, all).find(
      (w) => w.key === journalKey(subscription),
    )!;
    const token = await api.journalToken(readScopesFor(subscription.objectTypeId));
    const id = await api.upsertJournalSubscription(token, wanted.spec);
    if (wanted.spec.subscriptionType === 'LIST_MEMBERSHIP') {
      // Whether HubSpot's upsert keys a list membership subscription by its lists too is UNVERIFIED: if it made a new
      // one for the wider set, the narrower one would repeat every event, so it goes.
      const stale = (await api.journalSubscriptions(token, subscription.portalId)).filter(
        (f) => specKey(f) === wanted.key && id !== undefined && f.id !== id,
      );
      for (const f of stale) await api.deleteJournalSubscription(token, f.id);
    }
    await store.trackJournal(subscription.portalId);
  }

  /**
   * After a relay subscription went (deleted, or its hook answered 410): narrows the portal's journal subscriptions to
   * what the remaining relay subscriptions need, and removes those nothing needs any more. Without it the journal keeps
   * collecting (and the relay keeps downloading) every event the departed hooks once asked for, for as long as the app
   * stays installed.
   */
  async narrow(portalId: number, gone?: string): Promise<number> {
    const { store, api } = this.options;
    const remaining = (await store.subscriptionsOfPortal(portalId)).filter((s) => s.id !== gone);
    const wanted = wantedJournalSubscriptions(portalId, remaining);
    const readToken = await api.journalToken([]);
    const existing = await api.journalSubscriptions(readToken, portalId);
    let changed = 0;
    for (const found of existing) {
      const want = wanted.find((w) => w.key === specKey(found));
      if (want && sameSpec(want.spec, found)) continue;
      const token = await api.journalToken(readScopesFor(found.objectTypeId));
      if (want) {
        const id = await api.upsertJournalSubscription(token, want.spec);
        if (id !== undefined && id !== found.id) await api.deleteJournalSubscription(token, found.id);
      } else {
        await api.deleteJournalSubscription(token, found.id);
      }
      changed++;
    }
    return changed;
  }

  start(): void {
    const tick = () => {
      this.turn = this.runOnce()
        .then(() => undefined)
        .catch((error: Error) =>
          emit(this.options.hooks ?? {}, 'workerError', { worker: 'journal', error: error.message }),
        )
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.turn;
  }

  /** Reads every portal whose turn has come; answers how many events were stored. */
  async runOnce(): Promise<number> {
    const { store, owner, intervalMs } = this.options;
    let stored = 0;
    for (const cursor of await store.claimJournals(owner, this.now(), LEASE_MS, 20)) {
      let more = false;
      try {
        const read = await this.readPortal(cursor.portalId, cursor.offset);
        stored += read.stored;
        more = read.more;
      } catch (error) {
        if (error instanceof HubSpotCallError && (error.status === 401 || error.status === 403)) {
          emit(this.options.hooks ?? {}, 'portalLost', {
            portalId: cursor.portalId,
            status: error.status,
            reason: error.message,
          });
        }
        throw error;
      } finally {
        await store.releaseJournal(cursor.portalId, owner, more ? this.now() : this.now() + intervalMs);
      }
    }
    if (stored > 0) this.options.onEvents?.();
    return stored;
  }

  /** A 404 after an offset means "nothing newer" when the offset is the latest entry, and "expired" otherwise. */
  private async offsetExpired(token: string, portalId: number, offset: string): Promise<boolean> {
    const latest = await this.options.api.journalEntry(token, portalId, 'latest');
    return typeof latest !== 'string' && latest.currentOffset !== offset;
  }

  private async readPortal(portalId: number, from: string | undefined) {
    const { store, api } = this.options;
    const subscriptions = await store.subscriptionsOfPortal(portalId);
    const token = await api.journalToken([
      ...new Set(subscriptions.flatMap((s) => readScopesFor(s.objectTypeId))),
    ]);
    let offset = from;
    let entries = 0;
    let events = 0;
    let stored = 0;
    while (entries < ENTRIES_PER_TURN) {
      const entry = await api.journalEntry(
        token,
        portalId,
        offset === undefined ? 'earliest' : { after: offset },
      );
      if (
        entry === 'not-found' &&
        offset !== undefined &&
        (await this.offsetExpired(token, portalId, offset))
      ) {
        // Down longer than the journal keeps: read on from the oldest entry left (the outbox drops repeats).
        emit(this.options.hooks ?? {}, 'workerError', {
          worker: 'journal',
          error: `portal ${portalId}'s journal offset has expired (older than 3 days); reading from the earliest entry`,
        });
        offset = undefined;
        continue;
      }
      if (typeof entry === 'string') break;
      const found = fromJournalFile(await api.journalFile(entry.url)).filter((e) => e.portalId === portalId);
      const queued = await ingest(store, found, this.now(), {
        since: true,
        cursor: { portalId, offset: entry.currentOffset },
      });
      emit(this.options.hooks ?? {}, 'eventsReceived', { source: 'journal', received: found.length, queued });
      stored += queued;
      offset = entry.currentOffset;
      entries++;
      events += found.length;
    }
    if (events > 0)
      emit(this.options.hooks ?? {}, 'eventsReceived', {
        source: 'journal',
        received: events,
        queued: stored,
      });
    emit(this.options.hooks ?? {}, 'journalRead', {
      portalId,
      entries,
      events,
      caughtUp: entries < ENTRIES_PER_TURN,
    });
    return { stored, more: entries === ENTRIES_PER_TURN };
  }
}

/** One journal subscription per portal, journal type and object type (the unit HubSpot's upsert replaces). */
const keyOf = (type: string, objectTypeId: string) => `${type}|${objectTypeId}`;
const journalKey = (s: StoredSubscription) => keyOf(journalSubscriptionType(s.event), s.objectTypeId);
const specKey = (s: JournalSubscriptionSpec) => keyOf(s.subscriptionType, s.objectTypeId);

/** What a portal's journal subscriptions must be for these relay subscriptions of it. */
export function wantedJournalSubscriptions(
  portalId: number,
  subscriptions: readonly StoredSubscription[],
): Array<{ key: string; spec: JournalSubscriptionSpec }> {
  const groups = new Map<string, StoredSubscription[]>();
  for (const s of subscriptions.filter((x) => x.portalId === portalId)) {
    groups.set(journalKey(s), [...(groups.get(journalKey(s)) ?? []), s]);
  }
  return [...groups].map(([key, group]) => {
    const first = group[0]!;
    const subscriptionType = journalSubscriptionType(first.event);
    const lists = group.flatMap((s) => (s.listId ? [Number(s.listId)] : []));
    return {
      key,
      spec: {
        subscriptionType,
        portalId,
        objectTypeId: first.objectTypeId,
        actions: sorted(group.flatMap((s) => journalActions(s.event))),
        properties: sorted(group.flatMap((s) => (s.property ? [s.property] : []))),
        ...(subscriptionType === 'LIST_MEMBERSHIP'
          ? { listIds: [...new Set(lists)].sort((a, b) => a - b) }
          : {}),
      },
    };
  });
}

const sorted = (items: string[]) => [...new Set(items)].sort();
const sameSet = (a: readonly unknown[] = [], b: readonly unknown[] = []) =>
  JSON.stringify([...new Set(a.map(String))].sort()) === JSON.stringify([...new Set(b.map(String))].sort());

function sameSpec(want: JournalSubscriptionSpec, found: JournalSubscriptionFound): boolean {
  return (
    sameSet(want.actions, found.actions) &&
    sameSet(want.properties, found.properties) &&
    sameSet(want.listIds, found.listIds)
  );
}
