import { JournalLag } from '../../relay/ops/journalLag';
import { createMetrics } from '../../relay/ops/metrics';
import { openStore } from '../../relay/store';
import type { RelayStore } from '../../relay/store/types';
import { type OpsRelay, sample, startOpsRelay } from './support/opsRelay';

const DAY_MS = 24 * 3_600_000;
const PUSH_ROUTE = '/v1/hubspot/webhooks';

/** `/metrics` of a relay on a real port: each counter and gauge moves with what the relay does. */
describe('relay metrics', () => {
  let ops: OpsRelay;

  beforeEach(async () => {
    ops = await startOpsRelay();
  });
  afterEach(async () => {
    await ops.close();
  });

  /** Waits past the gauges' 2 s cache by asking until the sample reads `value`. */
  async function eventually(series: string, value: number) {
    const until = Date.now() + 8_000;
    let last = Number.NaN;
    while (Date.now() < until) {
      last = sample(await ops.metrics(), series);
      if (last === value) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${series} stayed ${last}, expected ${value}`);
  }

  it('starts every outcome at 0 and counts pushed events and deliveries', async () => {
    const before = await ops.metrics();
    expect(sample(before, 'relay_events_received_total{source="push"}')).toBe(0);
    expect(sample(before, 'relay_deliveries_total{outcome="delivered"}')).toBe(0);

    expect((await ops.push([1, 2, 3])).status).toBe(204);
    await ops.hook.waitFor((calls) => calls.length === 1);
    await eventually('relay_deliveries_total{outcome="delivered"}', 1);
    const after = await ops.metrics();
    expect(sample(after, 'relay_events_received_total{source="push"}')).toBe(3);
    expect(sample(after, 'relay_events_queued_total{source="push"}')).toBe(3);
    expect(sample(after, 'relay_delivery_duration_seconds_count')).toBe(1);
    expect(sample(after, 'relay_events_received_total{source="journal"}')).toBe(0);

    // HubSpot retrying the same events: received again, but nothing new is queued.
    await ops.push([1, 2, 3]);
    const again = await ops.metrics();
    expect(sample(again, 'relay_events_received_total{source="push"}')).toBe(6);
    expect(sample(again, 'relay_events_queued_total{source="push"}')).toBe(3);
  });

  it('counts retries, the retry queue and dead letters as the hook keeps failing', async () => {
    ops.hook.answer(500);
    await ops.push([11, 12]);
    await ops.hook.waitFor((calls) => calls.length === 1);
    await eventually('relay_deliveries_total{outcome="retried"}', 1);
    await eventually('relay_retry_queue_depth', 2);
    expect(sample(await ops.metrics(), 'relay_outbox_pending')).toBe(2);

    ops.clock.now += DAY_MS + 60_000;
    ops.relay.deliverer.kick();
    await ops.hook.waitFor((calls) => calls.length === 2);
    await eventually('relay_deliveries_total{outcome="dead"}', 1);
    await eventually('relay_dead_letters', 2);
    const text = await ops.metrics();
    expect(sample(text, 'relay_retry_queue_depth')).toBe(0);
    expect(sample(text, 'relay_deliveries_total{outcome="delivered"}')).toBe(0);
  });

  it('counts a 410 Gone as gone', async () => {
    ops.hook.answer(410);
    await ops.push([21]);
    await eventually('relay_deliveries_total{outcome="gone"}', 1);
    expect(await ops.store.subscription(ops.subscription.id)).toBeUndefined();
  });

  it('counts pushes refused for a bad signature by route and status', async () => {
    expect((await ops.push([31], 'forged-secret')).status).toBe(401);
    const text = await ops.metrics();
    expect(sample(text, `relay_refused_requests_total{route="${PUSH_ROUTE}",status="401"}`)).toBe(1);
    expect(sample(text, 'relay_events_received_total{source="push"}')).toBe(0);
  });
});

describe('/metrics with RELAY_METRICS_TOKEN', () => {
  const TOKEN = 'metrics-token-of-the-test';
  let ops: OpsRelay;
  beforeAll(async () => {
    ops = await startOpsRelay({ RELAY_METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await ops.close();
  });

  it('answers 401 without the token or with another one, and the metrics with it', async () => {
    const bare = await fetch(`${ops.url}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = await bare.text();
    expect(body).toContain('RELAY_METRICS_TOKEN');
    expect(body).not.toContain('relay_events_received_total');

    const wrong = await fetch(`${ops.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    // The admin token is not the metrics token.
    const admin = await fetch(`${ops.url}/metrics`, {
      headers: { authorization: 'Bearer admin-token-never-in-alerts' },
    });
    expect(admin.status).toBe(401);

    const ok = await fetch(`${ops.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(sample(await ok.text(), 'relay_events_received_total{source="push"}')).toBe(0);
  });
});

describe('journal lag and journal events', () => {
  let store: RelayStore;
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
  });
  afterAll(async () => {
    await store.close();
  });

  it('reports the most any portal is behind, back to 0 once read to the end', async () => {
    let now = 1_000_000;
    const lag = new JournalLag(() => now);
    const { registry, hooks } = createMetrics(store, lag);
    const read = async () => sample(await registry.metrics(), 'relay_journal_lag_seconds');

    expect(await read()).toBe(0);
    lag.record(1, true);
    lag.record(2, false);
    now += 90_000;
    lag.record(1, true);
    expect(await read()).toBe(90);
    now += 30_000;
    expect(await read()).toBe(120);
    lag.record(2, true);
    expect(await read()).toBe(30);

    hooks.eventsReceived?.({ source: 'journal', received: 4, queued: 3 });
    const text = await registry.metrics();
    expect(sample(text, 'relay_events_received_total{source="journal"}')).toBe(4);
    expect(sample(text, 'relay_events_queued_total{source="journal"}')).toBe(3);
  });
});
