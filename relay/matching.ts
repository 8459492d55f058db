import type { RelayEvent } from './contract';
import type { QueuedEvent, StoredSubscription } from './store/types';

/** Whether a subscription wants an event: same portal, object type and kind; for property changes, its property and values. */
export function wants(subscription: StoredSubscription, event: RelayEvent): boolean {
  if (subscription.portalId !== event.portalId) return false;
  if (subscription.objectTypeId !== event.objectTypeId || subscription.event !== event.event) return false;
  if (subscription.event === 'listMembership') return subscription.listId === event.list?.listId;
  if (subscription.event !== 'propertyChange') return true;
  if (subscription.property !== event.propertyName) return false;
  return !subscription.values?.length || subscription.values.includes(event.propertyValue ?? '');
}

/**
 * Pairs events with the subscriptions that want them. `since` (journal reads) also drops events older than the
 * subscription: a catch-up read covers up to 3 days, and a hook subscribed today wants nothing from yesterday.
 */
export function fanOut(
  events: readonly RelayEvent[],
  subscriptions: readonly StoredSubscription[],
  options: { since?: boolean } = {},
): QueuedEvent[] {
  const out: QueuedEvent[] = [];
  for (const event of events) {
    for (const s of subscriptions) {
      if (!wants(s, event)) continue;
      if (options.since && event.occurredAt < s.createdAt) continue;
      out.push({ subscriptionId: s.id, event });
    }
  }
  return out;
}
