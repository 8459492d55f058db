import type { RelayEvent } from './contract';
import { fanOut } from './matching';
import type { JournalCursor, RelayStore } from './store/types';

/**
 * Stores incoming events for every subscription that wants them, in one transaction, before anyone is told they
 * arrived: HubSpot gets its 2xx (or the journal offset moves) only once the events are durable.
 */
export async function ingest(
  store: RelayStore,
  events: readonly RelayEvent[],
  now: number,
  options: { since?: boolean; cursor?: JournalCursor } = {},
): Promise<number> {
  const portals = [...new Set(events.map((e) => e.portalId))];
  const subscriptions = (await Promise.all(portals.map((p) => store.subscriptionsOfPortal(p)))).flat();
  const items = fanOut(events, subscriptions, options.since ? { since: true } : {});
  if (items.length === 0 && !options.cursor) return 0;
  return store.enqueue(items, now, options.cursor);
}
