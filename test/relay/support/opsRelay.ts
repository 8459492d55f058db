import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUBSPOT_WEBHOOK_PATH } from '../../../relay/appWebhooks';
import { loadConfig } from '../../../relay/config';
import { newSecret } from '../../../relay/contract';
import { createRelay, type Relay } from '../../../relay/service';
import { openStore } from '../../../relay/store';
import type { RelayStore, StoredSubscription } from '../../../relay/store/types';
import { startHook, type TestHook } from './hook';

/**
 * A relay in process on a real port, with the embedded store in memory, a clock the test moves (so 24 h of failures
 * take no time), one subscription of portal 777 to contact creations pointed at a local hook, and a local alert
 * receiver standing in for Slack.
 */

export const PORTAL = 777;
export const CLIENT_SECRET = 'client-secret-never-in-alerts';
export const ADMIN_TOKEN = 'admin-token-never-in-alerts';

export interface AlertReceiver {
  url: string;
  texts: string[];
  /** Every raw body received, to check nothing but `{text}` was sent. */
  bodies: string[];
  waitFor(predicate: (texts: string[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startAlertReceiver(): Promise<AlertReceiver> {
  const texts: string[] = [];
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      bodies.push(body);
      texts.push(String((JSON.parse(body) as { text?: unknown }).text));
      res.writeHead(200);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/alert-url-secret-part`,
    texts,
    bodies,
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(texts)) {
        if (Date.now() > until) throw new Error(`alerts so far: ${JSON.stringify(texts)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface OpsRelay {
  relay: Relay;
  url: string;
  store: RelayStore;
  hook: TestHook;
  alerts: AlertReceiver;
  subscription: StoredSubscription;
  clock: { now: number };
  /** A signed webhooks v3 push of contact creations with these event ids. */
  push(eventIds: number[], secret?: string): Promise<Response>;
  metrics(): Promise<string>;
  close(): Promise<void>;
}

export async function startOpsRelay(env: Record<string, string> = {}): Promise<OpsRelay> {
  const clock = { now: Date.now() };
  const hook = await startHook();
  const alerts = await startAlertReceiver();
  const store = await openStore('sqlite::memory:');
  const subscription: StoredSubscription = {
    id: 'sub-ops-1',
    portalId: PORTAL,
    targetUrl: hook.url,
    objectType: 'contacts',
    objectTypeId: '0-1',
    event: 'creation',
    secret: newSecret(),
    createdAt: clock.now,
  };
  await store.addSubscription(subscription, 100);
  const config = loadConfig({
    HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
    RELAY_ALLOWED_TARGETS: '127.0.0.1',
    RELAY_ALERT_URL: alerts.url,
    RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
    ...env,
  });
  const relay = createRelay({ config, store, now: () => clock.now, pollMs: 20 });
  const url = await relay.listen(0);
  await relay.start();
  return {
    relay,
    url,
    store,
    hook,
    alerts,
    subscription,
    clock,
    push(eventIds, secret = CLIENT_SECRET) {
      const body = JSON.stringify(
        eventIds.map((eventId) => ({
          eventId,
          subscriptionId: 1,
          portalId: PORTAL,
          appId: 1,
          occurredAt: clock.now,
          subscriptionType: 'contact.creation',
          attemptNumber: 0,
          objectId: 1000 + eventId,
          changeSource: 'CRM',
        })),
      );
      const timestamp = String(clock.now);
      const signature = createHmac('sha256', secret)
        .update(`POST${url}${HUBSPOT_WEBHOOK_PATH}${body}${timestamp}`)
        .digest('base64');
      return fetch(`${url}${HUBSPOT_WEBHOOK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': timestamp,
        },
        body,
      });
    },
    metrics: async () => (await fetch(`${url}/metrics`)).text(),
    async close() {
      await relay.close();
      await store.close();
      await hook.close();
      await alerts.close();
    },
  };
}

/** One sample's value from Prometheus text, e.g. `relay_deliveries_total{outcome="dead"}`. */
export function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no sample ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}
