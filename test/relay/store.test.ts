import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Client } from 'pg';
import type { RelayEvent } from '../../relay/contract';
import { openStore } from '../../relay/store';
import { DEDUPE_WINDOW_MS } from '../../relay/store/sqlStore';
import type { RelayStore, StoredSubscription } from '../../relay/store/types';
import { emptyTables, startPostgres, type TestPostgres } from './support/postgres';

const T0 = 1_780_000_000_000;
const LEASE = 30_000;

const subscription = (id: string, portalId = 101): StoredSubscription => ({
  id,
  portalId,
  targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
  objectType: 'contacts',
  objectTypeId: '0-1',
  event: 'propertyChange',
  property: 'email',
  values: ['a@example.com'],
  secret: 'whsec_c2VjcmV0',
  createdAt: T0,
});

const event = (eventId: string, occurredAt: number, objectId = '1'): RelayEvent => ({
  eventId,
  occurredAt,
  portalId: 101,
  objectTypeId: '0-1',
  objectId,
  event: 'propertyChange',
  propertyName: 'email',
  propertyValue: `${eventId}@example.com`,
});

describe.each(['sqlite', 'postgres'] as const)('relay store on %s', (kind) => {
  let pg: TestPostgres | undefined;
  let store: RelayStore;
  let tables = 0;

  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
  }, 60_000);

  afterAll(async () => {
    await pg?.stop();
  });

  // A fresh store per test: SQLite in memory; on Postgres the same server with its tables emptied.
  beforeEach(async () => {
    store = await openStore(pg ? pg.url : 'sqlite::memory:');
    if (pg) await emptyTables(pg.url);
    tables++;
  });

  afterEach(async () => {
    await store.close();
  });

  it('keeps a subscription with its filter and refuses one past the portal cap', async () => {
    const id = `sub-cap-${tables}`;
    expect(await store.addSubscription(subscription(`${id}-a`, 900 + tables), 2)).toBe(true);
    expect(await store.addSubscription(subscription(`${id}-b`, 900 + tables), 2)).toBe(true);
    expect(await store.addSubscription(subscription(`${id}-c`, 900 + tables), 2)).toBe(false);
    expect(await store.subscription(`${id}-a`)).toEqual(subscription(`${id}-a`, 900 + tables));
    expect((await store.subscriptionsOfPortal(900 + tables)).map((s) => s.id)).toEqual([
      `${id}-a`,
      `${id}-b`,
    ]);
    expect(await store.removeSubscription(`${id}-a`)).toBe(true);
    expect(await store.removeSubscription(`${id}-a`)).toBe(false);
    expect(await store.subscription(`${id}-a`)).toBeUndefined();
    await store.removeSubscription(`${id}-b`);
  });

  it('stores an event once per subscription, whatever path it came twice by', async () => {
    await store.addSubscription(subscription('dup'), 10);
    expect(await store.enqueue([{ subscriptionId: 'dup', event: event('e1', T0) }], T0)).toBe(1);
    expect(
      await store.enqueue(
        [
          { subscriptionId: 'dup', event: event('e1', T0) },
          { subscriptionId: 'dup', event: event('e2', T0) },
        ],
        T0,
      ),
    ).toBe(1);
    expect((await store.listDeliveries({ subscriptionId: 'dup' })).map((d) => d.eventId)).toEqual([
      'e2',
      'e1',
    ]);
  });

  it('claims at most 100 events, oldest first, and gives a killed worker’s claim back after its lease', async () => {
    await store.addSubscription(subscription('batch'), 10);
    const items = Array.from({ length: 150 }, (_, i) => ({
      subscriptionId: 'batch',
      event: event(`e${i}`, T0 + 150 - i),
    }));
    await store.enqueue(items, T0);
    const [first] = await store.claimBatches('worker-a', T0, LEASE, 10);
    expect(first?.events).toHaveLength(100);
    expect(first?.events[0]?.eventId).toBe('e149');
    const times = first!.events.map((e) => e.occurredAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Leased: nobody else gets it, until the lease runs out (worker-a was killed).
    expect(await store.claimBatches('worker-b', T0 + LEASE - 1, LEASE, 10)).toEqual([]);
    const [again] = await store.claimBatches('worker-b', T0 + LEASE, LEASE, 10);
    expect(again?.batchId).toBe(first?.batchId);
    expect(again?.events.map((e) => e.eventId)).toEqual(first?.events.map((e) => e.eventId));
    // The late settle of the killed worker does not release worker-b's lease.
    await store.settleBatch(again!, 'worker-b', T0 + LEASE, { kind: 'delivered', status: 200 });
    const [rest] = await store.claimBatches('worker-a', T0 + LEASE, LEASE, 10);
    expect(rest?.events).toHaveLength(50);
    expect(rest?.batchId).not.toBe(first?.batchId);
  });

  it('holds a failed batch until its retry time, keeping its id and when it started failing', async () => {
    await store.addSubscription(subscription('retry'), 10);
    await store.enqueue([{ subscriptionId: 'retry', event: event('r1', T0) }], T0);
    const [batch] = await store.claimBatches('w', T0, LEASE, 10);
    await store.settleBatch(batch!, 'w', T0, {
      kind: 'retry',
      at: T0 + 2_000,
      status: 503,
      error: 'HTTP 503',
    });
    expect(await store.claimBatches('w', T0 + 1_999, LEASE, 10)).toEqual([]);
    // Events arriving meanwhile wait behind the failing batch (order per subscription).
    await store.enqueue([{ subscriptionId: 'retry', event: event('r2', T0 + 1) }], T0 + 1_000);
    const [retry] = await store.claimBatches('w', T0 + 2_000, LEASE, 10);
    expect(retry?.batchId).toBe(batch?.batchId);
    expect(retry?.events.map((e) => e.eventId)).toEqual(['r1']);
    expect(retry?.attempts).toBe(1);
    expect(retry?.failingSince).toBe(T0);
    const [row] = await store.listDeliveries({ subscriptionId: 'retry', status: 'pending', limit: 1 });
    expect(row).toMatchObject({ eventId: 'r2', attempts: 0 });
  });

  it('keeps dead letters for listing and puts them back in line on redeliver', async () => {
    await store.addSubscription(subscription('dead'), 10);
    await store.enqueue([{ subscriptionId: 'dead', event: event('d1', T0) }], T0);
    const [batch] = await store.claimBatches('w', T0, LEASE, 10);
    await store.settleBatch(batch!, 'w', T0, { kind: 'dead', status: 500, error: 'failing for 24 h' });
    const [dead] = await store.listDeliveries({ status: 'dead', subscriptionId: 'dead' });
    expect(dead).toMatchObject({
      eventId: 'd1',
      status: 'dead',
      lastStatus: 500,
      lastError: 'failing for 24 h',
    });
    expect(await store.claimBatches('w', T0 + 1, LEASE, 10)).toEqual([]);
    expect(await store.redeliver([dead!.id])).toBe(1);
    const [back] = await store.claimBatches('w', T0 + 2, LEASE, 10);
    expect(back?.events.map((e) => e.eventId)).toEqual(['d1']);
  });

  it('removes a subscription whose target is gone, keeping its waiting events as dead letters', async () => {
    await store.addSubscription(subscription('gone'), 10);
    await store.enqueue(
      [
        { subscriptionId: 'gone', event: event('g1', T0) },
        { subscriptionId: 'gone', event: event('g2', T0 + 1) },
      ],
      T0,
    );
    const [batch] = await store.claimBatches('w', T0, LEASE, 10);
    await store.settleBatch(batch!, 'w', T0, { kind: 'gone', status: 410 });
    expect(await store.subscription('gone')).toBeUndefined();
    const rows = await store.listDeliveries({ subscriptionId: 'gone' });
    expect(rows.map((r) => r.status)).toEqual(['dead', 'dead']);
    expect(await store.redeliver(rows.map((r) => r.id))).toBe(0);
  });

  it('moves a journal offset only together with the events it covers', async () => {
    const portal = 5_000 + tables;
    expect(await store.trackJournal(portal)).toBe(true);
    expect(await store.trackJournal(portal)).toBe(false);
    const claimed = await store.claimJournals('w', T0, LEASE, 100);
    expect(claimed).toContainEqual({ portalId: portal });
    expect(await store.claimJournals('other', T0, LEASE, 100)).not.toContainEqual({ portalId: portal });
    await store.addSubscription(subscription(`j-${portal}`, portal), 10);
    await store.enqueue([{ subscriptionId: `j-${portal}`, event: event('j1', T0) }], T0, {
      portalId: portal,
      offset: 'offset-1',
    });
    await store.releaseJournal(portal, 'w', T0 + 5_000);
    expect(await store.claimJournals('w', T0 + 4_999, LEASE, 100)).not.toContainEqual(
      expect.objectContaining({ portalId: portal }),
    );
    expect(await store.claimJournals('w', T0 + 5_000, LEASE, 100)).toContainEqual({
      portalId: portal,
      offset: 'offset-1',
    });
  });

  it('gives concurrent claimers disjoint subscriptions', async () => {
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      await store.addSubscription(subscription(id), 10);
      await store.enqueue([{ subscriptionId: id, event: event(`${id}-e`, T0) }], T0);
    }
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((w) => store.claimBatches(w, T0, LEASE, 2)));
    const ids = claims.flat().map((b) => b.subscription.id);
    expect([...ids].sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('forgets delivered events after the dedupe window, and only those', async () => {
    await store.addSubscription(subscription('prune'), 10);
    await store.enqueue([{ subscriptionId: 'prune', event: event('p1', T0) }], T0);
    const [batch] = await store.claimBatches('w', T0, LEASE, 10);
    await store.settleBatch(batch!, 'w', T0, { kind: 'delivered', status: 200 });
    await store.enqueue([{ subscriptionId: 'prune', event: event('p2', T0) }], T0);
    expect(await store.prune(T0 + DEDUPE_WINDOW_MS)).toBe(0);
    expect(await store.prune(T0 + DEDUPE_WINDOW_MS + 1)).toBe(1);
    expect((await store.listDeliveries({ subscriptionId: 'prune' })).map((d) => d.eventId)).toEqual(['p2']);
  });

  it('keeps a list membership subscription’s list, and adds the column to a table made before it', async () => {
    const list: StoredSubscription = {
      ...subscription('list-sub'),
      event: 'listMembership',
      listId: '42',
    };
    delete list.property;
    delete list.values;
    await store.addSubscription(list, 10);
    expect(await store.subscription('list-sub')).toEqual(list);
    await store.close();
    // A table of the release before: no list_id. Migrating again adds it, and the old rows read as before.
    const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
    const url = pg ? pg.url : `sqlite:${join(dir, 'old.db')}`;
    await dropListIdColumn(url, pg !== undefined);
    store = await openStore(url);
    await store.addSubscription({ ...list, id: 'list-sub-2' }, 10);
    expect(await store.subscription('list-sub-2')).toEqual({ ...list, id: 'list-sub-2' });
    rmSync(dir, { recursive: true, force: true });
  });
});

/** Makes the subscriptions table as it was before list memberships: without `list_id` (with a row, on SQLite). */
async function dropListIdColumn(url: string, postgres: boolean): Promise<void> {
  if (postgres) {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('ALTER TABLE relay_subscriptions DROP COLUMN list_id');
    await client.end();
    return;
  }
  const db = new DatabaseSync(url.slice('sqlite:'.length));
  db.exec(
    `CREATE TABLE relay_subscriptions (id TEXT PRIMARY KEY, portal_id BIGINT NOT NULL, target_url TEXT NOT NULL,
      object_type TEXT NOT NULL, object_type_id TEXT NOT NULL, event TEXT NOT NULL, property TEXT, filter_values TEXT,
      secret TEXT NOT NULL, created_at BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, failing_since BIGINT,
      next_attempt_at BIGINT NOT NULL DEFAULT 0, lease_owner TEXT, lease_until BIGINT NOT NULL DEFAULT 0)`,
  );
  db.close();
}
