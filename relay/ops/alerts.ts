import { HUBSPOT_WEBHOOK_PATH } from '../appWebhooks';
import type { RelayHooks } from '../hooks';
import type { JournalLag } from './journalLag';

/**
 * Severe conditions (a dead letter, a bad HubSpot signature, a journal falling behind, a portal HubSpot no longer
 * lets the relay read) are logged at error and POSTed at once to `RELAY_ALERT_URL`, a Slack-style incoming webhook
 * taking `{"text": …}` (https://api.slack.com/messaging/webhooks). Minor ones (a retry, a refused subscription
 * request, a worker error that will be retried) are only logged.
 *
 * What goes out: ids, counts, statuses and the relay's own wording of what failed. Never a token, a secret, an
 * event body, a hook URL (a Zapier or Make hook URL lets anyone post to the Zap) nor the alert URL itself (a Slack
 * webhook URL is a credential).
 *
 * A storm does not flood the channel: one alert per key (e.g. per subscription) per `repeatAfterMs`, and at most
 * `maxPerWindow` per `windowMs` overall; what is held back is counted, logged, and summed up in one later message.
 */

export interface AlertLogger {
  error(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface AlerterOptions {
  url?: string;
  /** Asked at each use: the service's logger exists only once its server is built. */
  logger: () => AlertLogger;
  lag: JournalLag;
  /** A journal this far behind is severe. */
  lagAlertMs: number;
  fetcher?: typeof fetch;
  now?: () => number;
  maxPerWindow?: number;
  windowMs?: number;
  repeatAfterMs?: number;
}

const POST_TIMEOUT_MS = 5_000;

/** Slack reads `&`, `<` and `>` as markup; escaped as its formatting guide asks (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class Alerter {
  readonly hooks: RelayHooks;
  private readonly now: () => number;
  private readonly lastByKey = new Map<string, number>();
  private readonly lagging = new Set<number>();
  private sentInWindow: number[] = [];
  private held = 0;
  private summaryTimer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: AlerterOptions) {
    this.now = options.now ?? Date.now;
    this.hooks = {
      deadLettered: ({ subscriptionId, events, error }) =>
        this.severe(
          `dead:${subscriptionId}`,
          `Dead letter: subscription ${subscriptionId} gave up on ${events} event(s) after 24 h of failures (${error}). Redeliver from the admin page once the hook works.`,
          { subscriptionId, events },
        ),
      refused: ({ route, status, reason }) => {
        if (route === HUBSPOT_WEBHOOK_PATH && status === 401) {
          this.severe(
            'signature',
            `Bad HubSpot signature: a push to ${route} was refused (${reason}) Check HUBSPOT_CLIENT_SECRET, or someone is posting forged events.`,
            { route, status },
          );
        } else this.minor('request refused', { route, status, reason });
      },
      portalLost: ({ portalId, status }) =>
        this.severe(
          `lost:${portalId}`,
          `Portal ${portalId} lost: HubSpot refused reading its journal (HTTP ${status}); the app's token was refused or the app was uninstalled.`,
          { portalId, status },
        ),
      // The lag itself is recorded before this hook runs (see `operations.ts`).
      journalRead: () => this.checkLag(),
      deliveryFailed: ({ subscriptionId, events, status, error }) =>
        this.minor('delivery failed, will retry', { subscriptionId, events, status, error }),
      subscriptionGone: ({ subscriptionId }) =>
        this.minor('the hook answered 410 Gone: subscription removed', { subscriptionId }),
      workerError: ({ worker, error }) => this.minor('worker error, will retry', { worker, error }),
    };
  }

  /** Alerts once for each portal whose journal went past the threshold; again only after it caught up. */
  checkLag(): void {
    for (const [portalId, seconds] of this.options.lag.lagSeconds()) {
      if (seconds * 1000 < this.options.lagAlertMs) {
        this.lagging.delete(portalId);
      } else if (!this.lagging.has(portalId)) {
        this.lagging.add(portalId);
        this.severe(
          `lag:${portalId}`,
          `Journal falling behind: portal ${portalId} has not been read to its newest entry for ${Math.round(seconds)} s. HubSpot keeps a journal 3 days.`,
          { portalId, lagSeconds: Math.round(seconds) },
        );
      }
    }
  }

  severe(key: string, text: string, fields: Record<string, unknown>): void {
    const log = this.options.logger();
    log.error({ alert: key, ...fields }, text);
    const now = this.now();
    const last = this.lastByKey.get(key);
    if (last !== undefined && now - last < (this.options.repeatAfterMs ?? 300_000)) {
      this.hold(now);
      return;
    }
    const windowMs = this.options.windowMs ?? 60_000;
    this.sentInWindow = this.sentInWindow.filter((t) => now - t < windowMs);
    if (this.sentInWindow.length >= (this.options.maxPerWindow ?? 5)) {
      this.hold(now);
      return;
    }
    this.lastByKey.set(key, now);
    this.post(text);
  }

  minor(message: string, fields: Record<string, unknown>): void {
    this.options.logger().warn(fields, message);
  }

  /** Waits for alerts being sent (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  close(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
  }

  private hold(now: number): void {
    this.held++;
    if (this.summaryTimer || !this.options.url) return;
    const windowMs = this.options.windowMs ?? 60_000;
    const oldest = this.sentInWindow[0] ?? now;
    this.summaryTimer = setTimeout(
      () => {
        this.summaryTimer = undefined;
        const count = this.held;
        this.held = 0;
        if (count === 0) return;
        this.post(
          `${count} more severe condition(s) were held back to avoid flooding; see the relay's error logs.`,
        );
      },
      Math.max(windowMs - (now - oldest), 1_000),
    );
    this.summaryTimer.unref();
  }

  private post(text: string): void {
    const { url } = this.options;
    if (!url) return;
    this.sentInWindow.push(this.now());
    const sending = (this.options.fetcher ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: slackEscape(text) }),
      redirect: 'manual',
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    })
      .then(async (res) => {
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) this.minor('the alert receiver refused an alert', { status: res.status });
      })
      .catch((error: Error) => this.minor('the alert could not be sent', { error: error.name }))
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }
}
