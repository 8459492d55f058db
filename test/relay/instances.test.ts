import type { Delivery } from '../../relay/contract';
import { Deliverer } from '../../relay/deliverer';
import { openStore } from '../../relay/store';
import type { RelayStore } from '../../relay/store/types';
import { startPostgres, type TestPostgres } from './support/postgres';

/**
 * Two relay instances behind a load balancer share one Postgres: each takes part of the work, and no event is
 * delivered twice while both are healthy (the claims are disjoint).
 */
let pg: TestPostgres;
let stores: RelayStore[] = [];

beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);

afterAll(async () => {
  for (const store of stores) await store.close();
  await pg.stop();
});

it('splits the outbox between instances without sending an event twice', async () => {
  stores = [await openStore(pg.url), await openStore(pg.url)];
  const [a, b] = stores as [RelayStore, RelayStore];
  const now = Date.now();
  for (let s = 0; s < 30; s++) {
    await a.addSubscription(
      {
        id: `sub_${s}`,
        portalId: 1,
        targetUrl: `https://hooks.zapier.com/hooks/standard/${s}`,
        objectType: 'contacts',
        objectTypeId: '0-1',
        event: 'creation',
        secret: 'whsec_c2VjcmV0',
        createdAt: now,
      },
      100,
    );
    await a.enqueue(
      Array.from({ length: 5 }, (_, i) => ({
        subscriptionId: `sub_${s}`,
        event: {
          eventId: `${s}-${i}`,
          occurredAt: now + i,
          portalId: 1,
          objectTypeId: '0-1',
          objectId: String(i),
          event: 'creation' as const,
        },
      })),
      now,
    );
  }
  const seen: Array<{ instance: string; eventId: string }> = [];
  const worker = (instance: string, store: RelayStore) =>
    new Deliverer({
      store,
      owner: instance,
      concurrency: 4,
      targets: {
        allowedTargets: ['hooks.zapier.com'],
        explicitTargets: [],
        resolve: async () => ['44.205.1.1'],
      },
      fetcher: (async (_url: string, init: RequestInit) => {
        // A hook that takes a moment, so both instances are busy at once.
        await new Promise((r) => setTimeout(r, 10));
        for (const e of (JSON.parse(String(init.body)) as Delivery).events)
          seen.push({ instance, eventId: e.eventId });
        return new Response(null, { status: 200 });
      }) as typeof fetch,
    });
  const workers = [worker('a', a), worker('b', b)];
  const drain = async (w: Deliverer) => {
    while ((await w.runOnce()) > 0);
  };
  await Promise.all(workers.map(drain));
  await Promise.all(workers.map(drain));

  expect(seen).toHaveLength(150);
  expect(new Set(seen.map((s) => s.eventId)).size).toBe(150);
  expect(seen.some((s) => s.instance === 'a')).toBe(true);
  expect(seen.some((s) => s.instance === 'b')).toBe(true);
  expect(await a.listDeliveries({ status: 'pending' })).toEqual([]);
});
