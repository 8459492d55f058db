import type { AppSubscription, HubSpotApi } from './hubspotApi';
import { webhookEventType } from './hubspotEvents';
import type { StoredSubscription } from './store/types';

/** The path HubSpot pushes events to (webhooks v3, signed with the app's client secret). */
export const HUBSPOT_WEBHOOK_PATH = '/v1/hubspot/webhooks';

/** The app-level v3 subscription a relay subscription needs: HubSpot sends the app every event of that type. */
export function appSubscriptionFor(s: StoredSubscription): AppSubscription {
  const eventType = webhookEventType(s.objectTypeId, s.event);
  return {
    eventType,
    ...(s.event === 'propertyChange' && s.property ? { propertyName: s.property } : {}),
    ...(eventType.startsWith('object.') ? { objectTypeId: s.objectTypeId } : {}),
  };
}

const key = (a: AppSubscription) => `${a.eventType}|${a.propertyName ?? ''}|${a.objectTypeId ?? ''}`;

/**
 * Creates the app subscriptions that are missing for these relay subscriptions, and turns on paused ones (HubSpot
 * creates subscriptions paused unless told otherwise, https://developers.hubspot.com/docs/api/webhooks). App subscriptions are shared by all
 * portals and never removed here: another relay subscription, or another instance, may still need one, and an
 * event nobody wants is dropped on arrival.
 */
export async function ensureAppSubscriptions(
  api: HubSpotApi,
  subscriptions: readonly StoredSubscription[],
): Promise<number> {
  // List memberships come from the journal only: webhooks v3 has no event type for them.
  const pushed = subscriptions.filter((s) => s.event !== 'listMembership');
  if (pushed.length === 0) return 0;
  const existing = new Map((await api.appSubscriptions()).map((a) => [key(a), a]));
  let changed = 0;
  for (const wanted of pushed.map(appSubscriptionFor)) {
    const found = existing.get(key(wanted));
    if (found && found.active !== false) continue;
    if (found?.id !== undefined) await api.activateAppSubscription(found.id);
    else await api.createAppSubscription(wanted);
    existing.set(key(wanted), { ...wanted, active: true });
    changed++;
  }
  return changed;
}

/** At start: point the app's webhooks at this relay and subscribe the app to what stored subscriptions need. */
export async function configureAppWebhooks(
  api: HubSpotApi,
  publicUrl: string,
  subscriptions: readonly StoredSubscription[],
): Promise<number> {
  await api.setTargetUrl(`${publicUrl}${HUBSPOT_WEBHOOK_PATH}`);
  return ensureAppSubscriptions(api, subscriptions);
}
