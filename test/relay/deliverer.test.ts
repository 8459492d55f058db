import { DEAD_LETTER_AFTER_MS } from '../../relay/backoff';
import { type Delivery, type RelayEvent, verifyDelivery } from '../../relay/contract';
import { Deliverer } from '../../relay/deliverer';
import type { RelayHooks } from '../../relay/hooks';
import { openStore } from '../../relay/store';
import type { RelayStore, StoredSubscription } from '../../relay/store/types';

/** The delivery worker on a clock the test moves, against a hook that answers what the test says. */

const T0 = 1_790_000_000_000;
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/2/abc';
const SECRET = `whsec_${Buffer.from('a 32-byte secret for the tests!!').toString('base64')}`;

const subscription: StoredSubscription = {
  id: 'sub_1',
  portalId: 55,
  targetUrl: TARGET,
  objectType: 'deals',
  objectTypeId: '0-3',
  event: 'propertyChange',
  property: 'dealstage',
  secret: SECRET,
  createdAt: T0,
};

const event = (i: number, objectId: string, occurredAt: number): RelayEvent => ({
  eventId: `e${i}`,
  occurredAt,
  portalId: 55,
  objectTypeId: '0-3',
  objectId,
  event: 'propertyChange',
  propertyName: 'dealstage',
  propertyValue: `stage-${i}`,
});

interface Sent {
  headers: Record<string, string>;
  body: string;
  at: number;
}

let clock: number;
let store: RelayStore;
let sent: Sent[];
let status: number;
let log: string[];

function deliverer(): Deliverer {
  const hooks: RelayHooks = {
    delivered: (i) => log.push(`delivered ${i.events}`),
    deliveryFailed: (i) => log.push(`failed ${i.status} retry in ${i.retryAt - clock}`),
    deadLettered: (i) => log.push(`dead ${i.error}`),
    subscriptionGone: () => log.push('gone'),
  };
  return new Deliverer({
    store,
    owner: 'test',
    hooks,
    now: () => clock,
    targets: {
      allowedTargets: ['hooks.zapier.com'],
      explicitTargets: [],
      resolve: async () => ['44.205.1.1'],
    },
    fetcher: (async (_url: string, init: RequestInit) => {
      sent.push({ headers: init.headers as Record<string, string>, body: String(init.body), at: clock });
      return new Response(null, { status });
    }) as typeof fetch,
  });
}

beforeEach(async () => {
  clock = T0;
  sent = [];
  log = [];
  status = 200;
  store = await openStore('sqlite::memory:');
  await store.addSubscription(subscription, 10);
});

afterEach(() => store.close());

it('sends at most 100 events per delivery, oldest first, each delivery signed', async () => {
  // 150 events of 3 deals, stored out of order.
  const events = Array.from({ length: 150 }, (_, i) => event(i, `deal-${i % 3}`, T0 - i * 10));
  await store.enqueue(
    events.map((e) => ({ subscriptionId: 'sub_1', event: e })),
    T0,
  );
  const worker = deliverer();
  await worker.runOnce();
  await worker.runOnce();
  expect(sent.map((s) => (JSON.parse(s.body) as Delivery).events.length)).toEqual([100, 50]);
  const all = sent.flatMap((s) => (JSON.parse(s.body) as Delivery).events);
  for (const deal of ['deal-0', 'deal-1', 'deal-2']) {
    const times = all.filter((e) => e.objectId === deal).map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }
  for (const s of sent) expect(verifyDelivery(SECRET, s.headers, s.body, clock)).toEqual({ ok: true });
});

it('retries within 5 s, backs off, and dead-letters after 24 h of failures', async () => {
  await store.enqueue([{ subscriptionId: 'sub_1', event: event(1, 'deal-1', T0) }], T0);
  status = 503;
  const worker = deliverer();
  expect(await worker.runOnce()).toBe(1);
  // Nothing is due before the retry time; the retry comes within 5 s.
  clock = T0 + 999;
  expect(await worker.runOnce()).toBe(0);
  clock = T0 + 5_000;
  expect(await worker.runOnce()).toBe(1);
  const waits = log.filter((l) => l.startsWith('failed')).map((l) => Number(l.split(' ').at(-1)));
  expect(waits[0]).toBeLessThanOrEqual(5_000);
  expect(waits[1]).toBeGreaterThan(waits[0]!);
  // Keep failing until 24 h have passed since the first failure.
  while (!log.some((l) => l.startsWith('dead'))) {
    clock += 3_600_000;
    await worker.runOnce();
    expect(clock - T0).toBeLessThanOrEqual(DEAD_LETTER_AFTER_MS + 3_600_000);
  }
  expect(log.at(-1)).toBe('dead the target answered HTTP 503');
  const [dead] = await store.listDeliveries({ status: 'dead' });
  expect(dead).toMatchObject({ eventId: 'e1', lastStatus: 503 });
  // Every attempt was the same message.
  expect(new Set(sent.map((s) => s.headers['webhook-id'])).size).toBe(1);
  // A redelivered dead letter goes out again, and a working hook takes it.
  status = 200;
  await store.redeliver([dead!.id]);
  await worker.runOnce();
  expect(log.at(-1)).toBe('delivered 1');
});

it('refuses to send to a target that now resolves to a private address', async () => {
  await store.enqueue([{ subscriptionId: 'sub_1', event: event(1, 'deal-1', T0) }], T0);
  const worker = new Deliverer({
    store,
    owner: 'test',
    now: () => clock,
    targets: { allowedTargets: ['hooks.zapier.com'], explicitTargets: [], resolve: async () => ['10.0.0.8'] },
    fetcher: (async () => {
      throw new Error('must not be called');
    }) as typeof fetch,
  });
  await worker.runOnce();
  const [row] = await store.listDeliveries();
  expect(row?.lastError).toContain('target refused');
  expect(row?.lastError).toContain('10.0.0.8');
});

it('keeps delivering to other hooks while one hook is slow', async () => {
  clock = Date.now();
  for (const id of ['slow', 'b', 'c', 'd']) {
    await store.addSubscription({ ...subscription, id, targetUrl: `${TARGET}/${id}` }, 10);
    await store.enqueue([{ subscriptionId: id, event: event(1, 'deal-1', clock) }], clock);
  }
  await store.removeSubscription('sub_1');
  const arrived = new Map<string, number>();
  const started = Date.now();
  const worker = new Deliverer({
    store,
    owner: 'test',
    concurrency: 2,
    pollMs: 20,
    targets: {
      allowedTargets: ['hooks.zapier.com'],
      explicitTargets: [],
      resolve: async () => ['44.205.1.1'],
    },
    fetcher: (async (url: string) => {
      const id = url.split('/').at(-1)!;
      if (id === 'slow') await new Promise((r) => setTimeout(r, 1_500));
      arrived.set(id, Date.now() - started);
      return new Response(null, { status: 200 });
    }) as typeof fetch,
  });
  worker.start();
  try {
    const until = Date.now() + 5_000;
    while (arrived.size < 4 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  } finally {
    await worker.stop();
  }
  // With two slots and one held by the slow hook, the three others still go out at once, one after another.
  expect(arrived.get('slow')).toBeGreaterThanOrEqual(1_500);
  for (const id of ['b', 'c', 'd']) expect(arrived.get(id)).toBeLessThan(1_000);
});
