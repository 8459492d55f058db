import pg from 'pg';
import type { Row, SqlDriver, SqlExecutor } from './driver';

/**
 * The shared store: `RELAY_DATABASE_URL=postgres://…`, so several relay instances behind a load balancer share the
 * subscriptions, the outbox and the journal offsets.
 *
 * How instances share the work without a coordinator (see `sqlStore.ts` for the statements):
 * - A worker claims a subscription's queue, not single events: `UPDATE … SET lease_owner, lease_until WHERE id IN
 *   (SELECT … WHERE lease_until <= now … FOR UPDATE SKIP LOCKED)`. SKIP LOCKED makes a second instance pass over rows
 *   the first is claiming instead of waiting (https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE).
 * - The claim is a lease with an end time, not a lock held over the delivery: the HTTP call happens after the
 *   claiming transaction commits. An instance killed mid-delivery holds nothing; its lease runs out and another
 *   instance claims the same batch (at least once: the receiver may see it twice, with the same `webhook-id`).
 * - One subscription is leased to one worker at a time, so its events leave in order.
 * - Journal offsets are leased per portal the same way, and an offset moves in the transaction that stores the
 *   events it covers.
 */
export function postgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({
    connectionString,
    max: 5,
    // BIGINT (type 20) arrives as a string by default; every BIGINT here is a time in ms or an id, well inside 2^53.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as never,
    },
  });
  // An idle client losing its connection must not end the process; the next query reconnects.
  pool.on('error', () => undefined);

  const query = async (client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, params as unknown[])).rows as Row[];

  return {
    kind: 'postgres',
    serialKey: 'BIGSERIAL PRIMARY KEY',
    skipLocked: 'FOR UPDATE SKIP LOCKED',
    query: (sql, params) => query(pool, sql, params),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => query(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
