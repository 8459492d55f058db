import { createHash, createHmac } from 'node:crypto';
import type { Portal } from '../portal';
import {
  associationChange,
  eventsFor,
  mergeChange,
  type PortalChange,
  recordChanges,
  type WebhookEvent,
} from './events';

/**
 * Delivers webhook events the way HubSpot does (https://developers.hubspot.com/docs/api/webhooks): a POST of a
 * JSON array of at most 100 events per app, signed with the app's client secret (v1 and v3 headers), at most
 * `maxConcurrentRequests` requests in flight per app. A connection failure, a timeout past 5 s or any 4xx/5xx
 * answer is retried up to 10 times, over about 17 hours of the sandbox's clock.
 */

export const MAX_EVENTS_PER_REQUEST = 100;
/** Delivery attempts kept for `deliveries()`. */
const MAX_ATTEMPTS_KEPT = 10_000;
export const DELIVERY_TIMEOUT_MS = 5_000;
/** Waits before retry 1..10: one minute, doubling (HubSpot: "10 retries spread over 24 hours"). */
export const RETRY_DELAYS_MS: readonly number[] = Array.from({ length: 10 }, (_, i) => 60_000 * 2 ** i);

export interface DeliveryAttempt {
  appId: number;
  url: string;
  at: number;
  attemptNumber: number;
  eventIds: number[];
  /** The receiver's status; 0 when the connection failed or timed out. */
  status: number;
  error?: string;
  /** Failed, and this was the last retry: the events are dropped, as HubSpot drops them. */
  gaveUp?: boolean;
}

interface Batch {
  appId: number;
  events: WebhookEvent[];
  attemptNumber: number;
  dueAt: number;
}

export interface DispatcherOptions {
  /** Deliver on its own (timers); off, deliveries happen only on `flush()`. Default: on. */
  autoDeliver?: boolean;
  fetch?: typeof fetch;
}

export class WebhookDispatcher {
  private queue: Batch[] = [];
  private readonly inFlight = new Map<number, number>();
  private readonly attempts: DeliveryAttempt[] = [];
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private nextEventId = 1;
  private closed = false;

  constructor(
    private readonly portal: Portal,
    private readonly options: DispatcherOptions = {},
  ) {
    const now = () => portal.now();
    portal.records.onChange((record, previous, purged) => {
      if (this.listening()) this.announce(recordChanges(record, previous, now(), purged));
    });
    portal.associations.onChange((change) => {
      if (this.listening()) this.announce([associationChange(portal.associations, change, now())]);
    });
    portal.records.onMerge((merge) => {
      if (this.listening()) this.announce([mergeChange(merge, now())]);
    });
  }

  /** Cheap check first: most portals (and every seeding) have no webhook listener at all. */
  private listening(): boolean {
    return this.portal.webhooks.listeningApps().length > 0;
  }

  private announce(changes: PortalChange[]): void {
    const events = eventsFor(this.portal.webhooks, changes, {
      portalId: this.portal.info.portalId,
      nextEventId: () => this.nextEventId++,
    });
    if (events.length > 0) this.enqueue(events);
  }

  /** The delivery attempts so far (the latest 10,000), oldest first. */
  deliveries(): readonly DeliveryAttempt[] {
    return this.attempts;
  }

  /** Events waiting for a delivery or a retry. */
  pending(): number {
    return this.queue.reduce((n, b) => n + b.events.length, 0);
  }

  /** Sends everything due now (retries whose time has come included) and waits for the answers. */
  async flush(): Promise<void> {
    do {
      this.pump();
      await Promise.all(this.running);
    } while (this.queue.some((b) => b.dueAt <= this.portal.now() && this.hasRoom(b.appId)));
  }

  /** Stops the timers; events still queued are not sent. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Adds events to their app's unsent batch, opening a new one every 100, so a burst travels in few requests. */
  private enqueue(events: WebhookEvent[]): void {
    for (const event of events) {
      let batch = this.queue.find(
        (b) => b.appId === event.appId && b.attemptNumber === 0 && b.events.length < MAX_EVENTS_PER_REQUEST,
      );
      if (!batch) {
        batch = { appId: event.appId, events: [], attemptNumber: 0, dueAt: this.portal.now() };
        this.queue.push(batch);
      }
      batch.events.push(event);
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.options.autoDeliver === false || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, delayMs);
    this.timer.unref();
  }

  private hasRoom(appId: number): boolean {
    const limit = this.portal.webhooks.settingsOf(appId)?.throttling.maxConcurrentRequests ?? 10;
    return (this.inFlight.get(appId) ?? 0) < limit;
  }

  /** Starts every due batch its app has room for; schedules itself for the next retry. */
  private pump(): void {
    const now = this.portal.now();
    for (const batch of [...this.queue]) {
      if (batch.dueAt > now || !this.hasRoom(batch.appId)) continue;
      this.queue.splice(this.queue.indexOf(batch), 1);
      const sending = this.send(batch).finally(() => {
        this.running.delete(sending);
        this.inFlight.set(batch.appId, (this.inFlight.get(batch.appId) ?? 1) - 1);
        if (this.queue.length > 0) this.schedule(0);
      });
      this.inFlight.set(batch.appId, (this.inFlight.get(batch.appId) ?? 0) + 1);
      this.running.add(sending);
    }
    const nextDue = Math.min(...this.queue.map((b) => b.dueAt));
    if (Number.isFinite(nextDue) && nextDue > now) this.schedule(nextDue - now);
  }

  /** Keeps the latest attempts only, so a sandbox left running for days does not grow without bound. */
  private record(attempt: DeliveryAttempt): void {
    this.attempts.push(attempt);
    if (this.attempts.length > MAX_ATTEMPTS_KEPT)
      this.attempts.splice(0, this.attempts.length - MAX_ATTEMPTS_KEPT);
  }

  private async send(batch: Batch): Promise<void> {
    const settings = this.portal.webhooks.settingsOf(batch.appId);
    const app = this.portal.auth.oauthApps.find((a) => a.appId === batch.appId);
    // Settings removed (or the app gone) since the events were queued: HubSpot has nowhere to send them. The drop
    // is recorded, so a test or a partner sees where the events went.
    if (!settings || !app) {
      this.record({
        appId: batch.appId,
        url: '',
        at: this.portal.now(),
        attemptNumber: batch.attemptNumber,
        eventIds: batch.events.map((e) => e.eventId),
        status: 0,
        error: 'the app has no webhook target URL any more',
        gaveUp: true,
      });
      return;
    }
    const body = JSON.stringify(batch.events.map((e) => ({ ...e, attemptNumber: batch.attemptNumber })));
    const attempt: DeliveryAttempt = {
      appId: batch.appId,
      url: settings.targetUrl,
      at: this.portal.now(),
      attemptNumber: batch.attemptNumber,
      eventIds: batch.events.map((e) => e.eventId),
      status: 0,
    };
    try {
      const fetcher = this.options.fetch ?? fetch;
      const res = await fetcher(settings.targetUrl, {
        method: 'POST',
        headers: signedHeaders(settings.targetUrl, body, app.clientSecret),
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      attempt.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (error) {
      attempt.error =
        (error as Error).name === 'TimeoutError' ? 'timed out after 5 s' : (error as Error).message;
    }
    this.record(attempt);
    if (attempt.status >= 200 && attempt.status < 300) return;
    const wait = RETRY_DELAYS_MS[batch.attemptNumber];
    if (wait === undefined) {
      attempt.gaveUp = true;
      return;
    }
    this.queue.push({ ...batch, attemptNumber: batch.attemptNumber + 1, dueAt: this.portal.now() + wait });
  }
}

/**
 * HubSpot's request signatures (https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation):
 * v3 = base64(HMAC-SHA256(secret, method + uri + body + timestamp)), where uri is the full URL called with the
 * escapes of the guide's table decoded; v1 = hex(SHA-256(secret + body)). The timestamp is the wall clock, not the
 * sandbox's: the receiver checks it against its own clock (5 minutes at most).
 */
export function signedHeaders(url: string, body: string, clientSecret: string): Record<string, string> {
  const timestamp = String(Date.now());
  const uri = signingUri(url);
  return {
    'content-type': 'application/json',
    'user-agent': 'HubSpot Webhooks (hubspot-bridge sandbox)',
    'x-hubspot-signature': createHash('sha256')
      .update(clientSecret + body)
      .digest('hex'),
    'x-hubspot-signature-version': 'v1',
    'x-hubspot-signature-v3': createHmac('sha256', clientSecret)
      .update(`POST${uri}${body}${timestamp}`)
      .digest('base64'),
    'x-hubspot-request-timestamp': timestamp,
  };
}

/**
 * The escapes HubSpot decodes in the URI before signing (request-validation guide, "Validate the v3 request
 * signature"): `%3A : %2F / %3F ? %40 @ %21 ! %24 $ %27 ' %28 ( %29 ) %2A * %2C , %3B ;`. Others stay encoded.
 */
const SIGNING_DECODES: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function signingUri(url: string): string {
  return url.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (encoded) => SIGNING_DECODES[encoded.toUpperCase()]!,
  );
}
