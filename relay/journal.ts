import { emit, type RelayHooks } from './hooks';
import { type HubSpotApi, HubSpotCallError } from './hubspotApi';
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
   * properties of every relay subscription of that portal, object type and journal subscription type), and start
   * reading its journal.
   */
  async subscribe(subscription: StoredSubscription): Promise<void> {
    const { store, api } = this.options;
    const subscriptionType = journalSubscriptionType(subscription.event);
    const same = (await store.subscriptionsOfPortal(subscription.portalId)).filter(
      (s) =>
        s.objectTypeId === subscription.objectTypeId && journalSubscriptionType(s.event) === subscriptionType,
    );
    const all = same.some((s) => s.id === subscription.id) ? same : [...same, subscription];
    const token = await api.journalToken(readScopesFor(subscription.objectTypeId));
    await api.upsertJournalSubscription(token, {
      subscriptionType,
      portalId: subscription.portalId,
      objectTypeId: subscription.objectTypeId,
      actions: [...new Set(all.flatMap((s) => journalActions(s.event)))],
      properties: [...new Set(all.flatMap((s) => (s.property ? [s.property] : [])))],
    });
    await store.trackJournal(subscription.portalId);
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
