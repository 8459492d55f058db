import { loadConfig } from '../../relay/config';
import { type HubSpotApi, HubSpotCallError } from '../../relay/hubspotApi';
import { JournalReader } from '../../relay/journal';
import { createOperations } from '../../relay/ops';
import { Alerter, slackEscape } from '../../relay/ops/alerts';
import { JournalLag } from '../../relay/ops/journalLag';
import { openStore } from '../../relay/store';
import { ADMIN_TOKEN, CLIENT_SECRET, type OpsRelay, startOpsRelay } from './support/opsRelay';

const DAY_MS = 24 * 3_600_000;

/** What must never leave the relay in an alert. */
function expectNoSecrets(ops: OpsRelay) {
  const secretParts = [
    CLIENT_SECRET,
    ADMIN_TOKEN,
    ops.subscription.secret,
    new URL(ops.hook.url).pathname,
    'alert-url-secret-part',
    '"objectId"',
  ];
  for (const body of ops.alerts.bodies) {
    expect(Object.keys(JSON.parse(body))).toEqual(['text']);
    for (const secret of secretParts) expect(body).not.toContain(secret);
  }
}

describe('relay alerts to RELAY_ALERT_URL', () => {
  let ops: OpsRelay;

  beforeEach(async () => {
    ops = await startOpsRelay();
  });
  afterEach(async () => {
    await ops.close();
  });

  it('posts {text} at once on a dead letter, naming the subscription and never a secret', async () => {
    ops.hook.answer(503);
    await ops.push([1, 2]);
    await ops.hook.waitFor((calls) => calls.length === 1);
    // A retry is minor: logged only.
    await new Promise((r) => setTimeout(r, 200));
    expect(ops.alerts.texts).toEqual([]);

    ops.clock.now += DAY_MS + 1_000;
    ops.relay.deliverer.kick();
    await ops.alerts.waitFor((texts) => texts.length === 1);
    expect(ops.alerts.texts[0]).toContain('Dead letter');
    expect(ops.alerts.texts[0]).toContain(ops.subscription.id);
    expect(ops.alerts.texts[0]).toContain('HTTP 503');
    expectNoSecrets(ops);
  });

  it('posts {text} on a push with a bad signature, without the secret or the body', async () => {
    expect((await ops.push([7], 'forged-secret')).status).toBe(401);
    await ops.alerts.waitFor((texts) => texts.length === 1);
    expect(ops.alerts.texts[0]).toContain('Bad HubSpot signature');
    expect(ops.alerts.texts[0]).toContain('does not match');
    expect(ops.alerts.bodies[0]).not.toContain('forged-secret');
    expectNoSecrets(ops);
  });

  it('sends one alert for a storm of bad signatures', async () => {
    for (let i = 0; i < 10; i++) expect((await ops.push([100 + i], 'forged')).status).toBe(401);
    await ops.alerts.waitFor((texts) => texts.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(ops.alerts.texts).toHaveLength(1);
  });
});

describe('Alerter', () => {
  const logs: Array<{ level: string; message: string }> = [];
  const logger = () => ({
    error: (_f: Record<string, unknown>, message: string) => logs.push({ level: 'error', message }),
    warn: (_f: Record<string, unknown>, message: string) => logs.push({ level: 'warn', message }),
  });
  let posted: string[];
  const fetcher = (async (_url: string, init: RequestInit) => {
    posted.push(JSON.parse(String(init.body)).text);
    return new Response('ok');
  }) as unknown as typeof fetch;

  beforeEach(() => {
    posted = [];
    logs.length = 0;
  });

  it('caps a storm per window, then sums up what it held back', async () => {
    const alerter = new Alerter({
      url: 'http://127.0.0.1:1/alert',
      logger,
      lag: new JournalLag(Date.now),
      lagAlertMs: 60_000,
      fetcher,
      maxPerWindow: 3,
      windowMs: 1_000,
    });
    for (let i = 0; i < 8; i++)
      alerter.hooks.deadLettered?.({ subscriptionId: `s${i}`, events: 1, error: 'x' });
    await alerter.flush();
    expect(posted).toHaveLength(3);
    expect(logs.filter((l) => l.level === 'error')).toHaveLength(8);
    await new Promise((r) => setTimeout(r, 1_200));
    await alerter.flush();
    expect(posted).toHaveLength(4);
    expect(posted[3]).toMatch(/^5 more severe condition/);
    alerter.close();
  });

  it('alerts once per portal lost and once per journal falling behind, until it catches up', async () => {
    let now = 0;
    const lag = new JournalLag(() => now);
    const alerter = new Alerter({
      url: 'http://127.0.0.1:1/alert',
      logger,
      lag,
      lagAlertMs: 300_000,
      fetcher,
      now: () => now,
    });
    alerter.hooks.portalLost?.({
      portalId: 42,
      status: 401,
      reason: 'HubSpot answered 401: token tok-abc expired',
    });
    lag.record(42, false);
    now += 200_000;
    alerter.checkLag();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('Portal 42 lost');
    expect(posted[0]).not.toContain('tok-abc');
    now += 200_000;
    alerter.checkLag();
    alerter.checkLag();
    expect(posted).toHaveLength(2);
    expect(posted[1]).toContain('Journal falling behind: portal 42');
    lag.record(42, true);
    alerter.checkLag();
    now += 10 * 60_000;
    alerter.checkLag();
    await alerter.flush();
    expect(posted).toHaveLength(3);
    alerter.close();
  });

  it('only logs minor conditions, and logs severe ones without a URL set', async () => {
    const alerter = new Alerter({ logger, lag: new JournalLag(Date.now), lagAlertMs: 1, fetcher });
    alerter.hooks.deliveryFailed?.({ subscriptionId: 's', events: 1, error: 'no connection', retryAt: 1 });
    alerter.hooks.refused?.({ route: '/v1/subscriptions', status: 401, reason: 'token refused' });
    alerter.hooks.deadLettered?.({ subscriptionId: 's', events: 1, error: 'no connection' });
    await alerter.flush();
    expect(posted).toEqual([]);
    expect(logs.map((l) => l.level)).toEqual(['warn', 'warn', 'error']);
  });

  it("escapes Slack's markup characters", () => {
    expect(slackEscape('<@here> & <!channel>')).toBe('&lt;@here&gt; &amp; &lt;!channel&gt;');
  });
});

describe('a portal lost while reading its journal', () => {
  it('alerts naming the portal when HubSpot answers 401, without HubSpot’s message', async () => {
    const store = await openStore('sqlite::memory:');
    const posted: string[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      posted.push(JSON.parse(String(init.body)).text);
      return new Response('ok');
    }) as unknown as typeof fetch;
    const ops = createOperations({
      config: loadConfig({ RELAY_ALERT_URL: 'https://alerts.example/hook' }),
      store,
      now: Date.now,
      fetcher,
    });
    // HubSpot refusing the app for this portal (uninstalled, or the token revoked).
    const api = {
      journalToken: async () => 'app-token-never-in-alerts',
      journalEntry: async () => {
        throw new HubSpotCallError(
          401,
          "Reading portal 55's journal: HubSpot answered 401: app-token-never-in-alerts",
        );
      },
    } as unknown as HubSpotApi;
    await store.addSubscription(
      {
        id: 'sub-55',
        portalId: 55,
        targetUrl: 'https://hooks.zapier.com/hooks/catch/1/x',
        objectType: 'contacts',
        objectTypeId: '0-1',
        event: 'creation',
        secret: 'whsec_c2VjcmV0',
        createdAt: 0,
      },
      10,
    );
    await store.trackJournal(55);
    const reader = new JournalReader({ store, api, owner: 'test', intervalMs: 1_000, hooks: ops.hooks });
    await expect(reader.runOnce()).rejects.toThrow(HubSpotCallError);
    await ops.close();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('Portal 55 lost');
    expect(posted[0]).not.toContain('app-token-never-in-alerts');
    await store.close();
  });
});
