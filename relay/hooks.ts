/**
 * What the relay tells the outside about its work: the seam for metrics, alerts and the admin page. Every member is
 * optional; the service calls them synchronously and ignores what they throw, so a broken metric never stops a
 * delivery. Nothing passed here carries a token, a secret or an event body.
 */
export interface RelayHooks {
  /** Events came in (pushed by HubSpot or read from a journal); `queued` counts the new outbox rows. */
  eventsReceived?(info: { source: 'push' | 'journal'; received: number; queued: number }): void;
  /** A request was refused: a bad HubSpot signature, a bad subscription request. */
  refused?(info: { route: string; status: number; reason: string }): void;
  delivered?(info: { subscriptionId: string; events: number; status: number; durationMs: number }): void;
  deliveryFailed?(info: {
    subscriptionId: string;
    events: number;
    status?: number;
    error: string;
    retryAt: number;
  }): void;
  deadLettered?(info: { subscriptionId: string; events: number; error: string }): void;
  /** The target answered 410 Gone and the subscription was removed. */
  subscriptionGone?(info: { subscriptionId: string; portalId: number }): void;
  subscriptionAdded?(info: { subscriptionId: string; portalId: number }): void;
  subscriptionRemoved?(info: { subscriptionId: string; portalId: number }): void;
  /** A turn of reading one portal's journal; `caughtUp` when it reached the newest entry. */
  journalRead?(info: { portalId: number; entries: number; events: number; caughtUp: boolean }): void;
  /** HubSpot refused to let the relay read a portal (401/403): the app's token was refused or the app uninstalled. */
  portalLost?(info: { portalId: number; status: number; reason: string }): void;
  /** A background loop hit an error it will retry (database down, HubSpot unreachable). */
  workerError?(info: { worker: 'delivery' | 'journal'; error: string }): void;
}

/** Calls one hook, never letting it throw into the relay. */
export function emit<K extends keyof RelayHooks>(
  hooks: RelayHooks,
  name: K,
  info: Parameters<NonNullable<RelayHooks[K]>>[0],
): void {
  try {
    (hooks[name] as ((i: typeof info) => void) | undefined)?.(info);
  } catch {}
}
