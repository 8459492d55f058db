import { randomUUID } from 'node:crypto';
import { MAX_EVENTS_PER_DELIVERY, type RelayEvent, type RelayEventKind } from '../contract';
import { num, optionalNum, optionalText, type Row, type SqlDriver, type SqlExecutor } from './driver';
import type {
  ClaimedBatch,
  DeliveryCounts,
  DeliveryFilter,
  DeliveryOutcome,
  DeliveryRecord,
  DeliveryStatus,
  JournalCursor,
  QueuedEvent,
  RelayStore,
  StoredSubscription,
} from './types';

/**
 * The relay's store over either database (`sqlite.ts`, `postgres.ts`): the same statements, the same behaviour,
 * one test suite. Three tables:
 * - `relay_subscriptions`: what each hook wants, plus its delivery state (failed attempts, next attempt, lease);
 * - `relay_deliveries`: the outbox, one row per (subscription, HubSpot event id) — the unique key is the dedupe;
 * - `relay_journals`: each portal's journal offset, with its own lease.
 */

/** Delivered rows are kept this long for dedupe: past HubSpot's retries (24 h) and the journal's 3 days. */
export const DEDUPE_WINDOW_MS = 4 * 24 * 3_600_000;

function schema(serialKey: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS relay_subscriptions (
      id TEXT PRIMARY KEY,
      portal_id BIGINT NOT NULL,
      target_url TEXT NOT NULL,
      object_type TEXT NOT NULL,
      object_type_id TEXT NOT NULL,
      event TEXT NOT NULL,
      property TEXT,
      filter_values TEXT,
      list_id TEXT,
      secret TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      failing_since BIGINT,
      next_attempt_at BIGINT NOT NULL DEFAULT 0,
      lease_owner TEXT,
      lease_until BIGINT NOT NULL DEFAULT 0)`,
    'CREATE INDEX IF NOT EXISTS relay_subscriptions_portal ON relay_subscriptions (portal_id)',
    `CREATE TABLE IF NOT EXISTS relay_deliveries (
      id ${serialKey},
      subscription_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      occurred_at BIGINT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending',
      batch_id TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_status INTEGER,
      last_error TEXT,
      created_at BIGINT NOT NULL,
      settled_at BIGINT,
      UNIQUE (subscription_id, event_id))`,
    `CREATE INDEX IF NOT EXISTS relay_deliveries_queue
      ON relay_deliveries (subscription_id, status, occurred_at, id)`,
    // Only what still waits or died: the metrics count these on every scrape without reading the delivered rows.
    `CREATE INDEX IF NOT EXISTS relay_deliveries_open
      ON relay_deliveries (status, attempts) WHERE status <> 'delivered'`,
    `CREATE TABLE IF NOT EXISTS relay_journals (
      portal_id BIGINT PRIMARY KEY,
      cursor_offset TEXT,
      next_read_at BIGINT NOT NULL DEFAULT 0,
      lease_owner TEXT,
      lease_until BIGINT NOT NULL DEFAULT 0)`,
  ];
}

/**
 * Tables made before list membership subscriptions lack `list_id`. Postgres adds it with `IF NOT EXISTS`
 * (https://www.postgresql.org/docs/current/sql-altertable.html); SQLite has no such clause, so its columns are read first
 * (https://www.sqlite.org/pragma.html#pragma_table_info).
 */
async function addListIdColumn(tx: SqlExecutor, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'postgres') {
    await tx.query('ALTER TABLE relay_subscriptions ADD COLUMN IF NOT EXISTS list_id TEXT');
    return;
  }
  const columns = await tx.query("SELECT name FROM pragma_table_info('relay_subscriptions')");
  if (!columns.some((c) => c.name === 'list_id')) {
    await tx.query('ALTER TABLE relay_subscriptions ADD COLUMN list_id TEXT');
  }
}

function toSubscription(row: Row): StoredSubscription {
  const property = optionalText(row.property);
  const values = optionalText(row.filter_values);
  const listId = optionalText(row.list_id);
  return {
    id: String(row.id),
    portalId: num(row.portal_id),
    targetUrl: String(row.target_url),
    objectType: String(row.object_type),
    objectTypeId: String(row.object_type_id),
    event: String(row.event) as RelayEventKind,
    ...(property === undefined ? {} : { property }),
    ...(values === undefined ? {} : { values: JSON.parse(values) as string[] }),
    ...(listId === undefined ? {} : { listId }),
    secret: String(row.secret),
    createdAt: num(row.created_at),
  };
}

function toRecord(row: Row): DeliveryRecord {
  const lastStatus = optionalNum(row.last_status);
  const lastError = optionalText(row.last_error);
  const settledAt = optionalNum(row.settled_at);
  return {
    id: num(row.id),
    subscriptionId: String(row.subscription_id),
    eventId: String(row.event_id),
    status: String(row.status) as DeliveryStatus,
    attempts: num(row.attempts),
    ...(lastStatus === undefined ? {} : { lastStatus }),
    ...(lastError === undefined ? {} : { lastError }),
    createdAt: num(row.created_at),
    ...(settledAt === undefined ? {} : { settledAt }),
  };
}

/** Rows per INSERT: 500 parameters, far below SQLite's and Postgres's limits. */
const INSERT_ROWS = 100;

const placeholders = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

export class SqlStore implements RelayStore {
  constructor(private readonly db: SqlDriver) {}

  get kind() {
    return this.db.kind;
  }

  async migrate(): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const statement of schema(this.db.serialKey)) await tx.query(statement);
      await addListIdColumn(tx, this.db.kind);
    });
  }

  addSubscription(s: StoredSubscription, maxPerPortal: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Postgres: serialise adds per portal, so two instances cannot both pass the cap check.
      if (this.db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [s.portalId]);
      const [row] = await tx.query('SELECT COUNT(*) AS n FROM relay_subscriptions WHERE portal_id = $1', [
        s.portalId,
      ]);
      if (num(row?.n) >= maxPerPortal) return false;
      await tx.query(
        `INSERT INTO relay_subscriptions
          (id, portal_id, target_url, object_type, object_type_id, event, property, filter_values, secret, created_at,
            list_id)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          s.id,
          s.portalId,
          s.targetUrl,
          s.objectType,
          s.objectTypeId,
          s.event,
          s.property ?? null,
          s.values ? JSON.stringify(s.values) : null,
          s.secret,
          s.createdAt,
          s.listId ?? null,
        ],
      );
      return true;
    });
  }

  async subscription(id: string): Promise<StoredSubscription | undefined> {
    const [row] = await this.db.query('SELECT * FROM relay_subscriptions WHERE id = $1', [id]);
    return row ? toSubscription(row) : undefined;
  }

  removeSubscription(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM relay_deliveries WHERE subscription_id = $1 AND status = 'pending'`, [id]);
      return (await tx.query('DELETE FROM relay_subscriptions WHERE id = $1 RETURNING id', [id])).length > 0;
    });
  }

  async subscriptionsOfPortal(portalId: number): Promise<StoredSubscription[]> {
    const rows = await this.db.query(
      'SELECT * FROM relay_subscriptions WHERE portal_id = $1 ORDER BY created_at',
      [portalId],
    );
    return rows.map(toSubscription);
  }

  async allSubscriptions(): Promise<StoredSubscription[]> {
    return (await this.db.query('SELECT * FROM relay_subscriptions ORDER BY created_at')).map(toSubscription);
  }

  enqueue(items: QueuedEvent[], now: number, cursor?: JournalCursor): Promise<number> {
    return this.db.transaction(async (tx) => {
      let added = 0;
      // One statement per 100 rows, not one per row: on Postgres each statement is a round trip.
      for (let from = 0; from < items.length; from += INSERT_ROWS) {
        const chunk = items.slice(from, from + INSERT_ROWS);
        const rows = await tx.query(
          `INSERT INTO relay_deliveries (subscription_id, event_id, occurred_at, body, created_at)
            VALUES ${chunk.map((_, i) => `(${placeholders(i * 5 + 1, 5)})`).join(', ')}
            ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
          chunk.flatMap(({ subscriptionId, event }) => [
            subscriptionId,
            event.eventId,
            event.occurredAt,
            JSON.stringify(event),
            now,
          ]),
        );
        added += rows.length;
      }
      if (cursor?.offset !== undefined) {
        await tx.query('UPDATE relay_journals SET cursor_offset = $2 WHERE portal_id = $1', [
          cursor.portalId,
          cursor.offset,
        ]);
      }
      return added;
    });
  }

  claimBatches(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedBatch[]> {
    return this.db.transaction(async (tx) => {
      const leased = await tx.query(
        `UPDATE relay_subscriptions SET lease_owner = $1, lease_until = $3
          WHERE id IN (
            SELECT s.id FROM relay_subscriptions s
            WHERE s.lease_until <= $2 AND s.next_attempt_at <= $2
              AND EXISTS (SELECT 1 FROM relay_deliveries d WHERE d.subscription_id = s.id AND d.status = 'pending')
            ORDER BY s.next_attempt_at LIMIT $4 ${this.db.skipLocked})
          RETURNING *`,
        [owner, now, now + leaseMs, limit],
      );
      const batches: ClaimedBatch[] = [];
      for (const row of leased) {
        const subscription = toSubscription(row);
        const { batchId, events } = await this.openBatch(tx, subscription.id);
        if (events.length === 0) continue;
        const failingSince = optionalNum(row.failing_since);
        batches.push({
          subscription,
          batchId,
          events,
          attempts: num(row.attempts),
          ...(failingSince === undefined ? {} : { failingSince }),
        });
      }
      return batches;
    });
  }

  /** The batch already sent and not yet settled (a retry sends the same events), or the next 100, oldest first. */
  private async openBatch(tx: SqlExecutor, subscriptionId: string) {
    let rows = await tx.query(
      `SELECT id, batch_id, body, occurred_at FROM relay_deliveries
        WHERE subscription_id = $1 AND status = 'pending' AND batch_id IS NOT NULL`,
      [subscriptionId],
    );
    let batchId = optionalText(rows[0]?.batch_id);
    if (!batchId) {
      batchId = `msg_${randomUUID().replaceAll('-', '')}`;
      rows = await tx.query(
        `UPDATE relay_deliveries SET batch_id = $2 WHERE id IN (
            SELECT id FROM relay_deliveries WHERE subscription_id = $1 AND status = 'pending'
            ORDER BY occurred_at, id LIMIT $3)
          RETURNING id, body, occurred_at`,
        [subscriptionId, batchId, MAX_EVENTS_PER_DELIVERY],
      );
    }
    // Oldest first: events of one record leave in the order HubSpot says they happened.
    rows.sort((a, b) => num(a.occurred_at) - num(b.occurred_at) || num(a.id) - num(b.id));
    return { batchId, events: rows.map((r) => JSON.parse(String(r.body)) as RelayEvent) };
  }

  settleBatch(batch: ClaimedBatch, owner: string, now: number, outcome: DeliveryOutcome): Promise<void> {
    const id = batch.subscription.id;
    return this.db.transaction(async (tx) => {
      const rows = (status: DeliveryStatus, lastStatus: number | undefined, error: string | null) =>
        tx.query(
          // By subscription first: the queue index finds the batch's rows without reading the whole outbox.
          `UPDATE relay_deliveries SET status = $2, attempts = attempts + 1, last_status = $3, last_error = $4,
              settled_at = $5 WHERE subscription_id = $6 AND status = 'pending' AND batch_id = $1`,
          [batch.batchId, status, lastStatus ?? null, error, status === 'pending' ? null : now, id],
        );
      const release = (sets: string, params: unknown[]) =>
        tx.query(
          `UPDATE relay_subscriptions SET ${sets}, lease_owner = NULL, lease_until = 0
            WHERE id = $1 AND lease_owner = $2`,
          [id, owner, ...params],
        );
      switch (outcome.kind) {
        case 'delivered':
          await rows('delivered', outcome.status, null);
          // Due again at once, but behind every subscription served less recently (claims order by this time):
          // with 0, the same first few subscriptions won every claim and the rest waited while traffic lasted.
          await release('attempts = 0, failing_since = NULL, next_attempt_at = $3', [now]);
          return;
        case 'retry':
          await rows('pending', outcome.status, outcome.error);
          await release('attempts = attempts + 1, failing_since = $3, next_attempt_at = $4', [
            batch.failingSince ?? now,
            outcome.at,
          ]);
          return;
        case 'dead':
          await rows('dead', outcome.status, outcome.error);
          await release('attempts = 0, failing_since = NULL, next_attempt_at = $3', [now]);
          return;
        case 'gone':
          await tx.query(
            `UPDATE relay_deliveries SET status = 'dead', last_status = $2, last_error = $3, settled_at = $4
              WHERE subscription_id = $1 AND status = 'pending'`,
            [id, outcome.status, 'the target answered 410 Gone: subscription removed', now],
          );
          await tx.query('DELETE FROM relay_subscriptions WHERE id = $1', [id]);
          return;
      }
    });
  }

  async trackJournal(portalId: number): Promise<boolean> {
    const rows = await this.db.query(
      'INSERT INTO relay_journals (portal_id) VALUES ($1) ON CONFLICT (portal_id) DO NOTHING RETURNING portal_id',
      [portalId],
    );
    return rows.length > 0;
  }

  async claimJournals(owner: string, now: number, leaseMs: number, limit: number): Promise<JournalCursor[]> {
    const rows = await this.db.transaction((tx) =>
      tx.query(
        `UPDATE relay_journals SET lease_owner = $1, lease_until = $3
          WHERE portal_id IN (
            SELECT portal_id FROM relay_journals WHERE lease_until <= $2 AND next_read_at <= $2
            ORDER BY next_read_at LIMIT $4 ${this.db.skipLocked})
          RETURNING portal_id, cursor_offset`,
        [owner, now, now + leaseMs, limit],
      ),
    );
    return rows.map((r) => {
      const offset = optionalText(r.cursor_offset);
      return { portalId: num(r.portal_id), ...(offset === undefined ? {} : { offset }) };
    });
  }

  async releaseJournal(portalId: number, owner: string, nextReadAt: number): Promise<void> {
    await this.db.query(
      `UPDATE relay_journals SET lease_owner = NULL, lease_until = 0, next_read_at = $3
        WHERE portal_id = $1 AND lease_owner = $2`,
      [portalId, owner, nextReadAt],
    );
  }

  async listDeliveries(filter: DeliveryFilter = {}): Promise<DeliveryRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.subscriptionId) {
      params.push(filter.subscriptionId);
      where.push(`subscription_id = $${params.length}`);
    }
    params.push(Math.min(Math.max(filter.limit ?? 100, 1), 1_000));
    const rows = await this.db.query(
      `SELECT id, subscription_id, event_id, status, attempts, last_status, last_error, created_at, settled_at
        FROM relay_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  async deliveryCounts(): Promise<DeliveryCounts> {
    const [row] = await this.db.query(
      `SELECT COUNT(*) FILTER (WHERE status = 'pending') AS pending,
          COUNT(*) FILTER (WHERE status = 'pending' AND attempts > 0) AS retrying,
          COUNT(*) FILTER (WHERE status = 'dead') AS dead
        FROM relay_deliveries WHERE status <> 'delivered'`,
    );
    return { pending: num(row?.pending ?? 0), retrying: num(row?.retrying ?? 0), dead: num(row?.dead ?? 0) };
  }

  async redeliver(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.db.query(
      `UPDATE relay_deliveries SET status = 'pending', batch_id = NULL, attempts = 0, settled_at = NULL
        WHERE status = 'dead' AND id IN (${placeholders(1, ids.length)})
          AND subscription_id IN (SELECT id FROM relay_subscriptions)
        RETURNING id`,
      ids,
    );
    return rows.length;
  }

  /** Forgets delivered events older than the dedupe window, so the outbox does not grow without end. */
  async prune(now: number): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM relay_deliveries WHERE status = 'delivered' AND settled_at < $1 RETURNING id`,
      [now - DEDUPE_WINDOW_MS],
    );
    return rows.length;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
