import { DatabaseSync } from 'node:sqlite';
import type { Row, SqlDriver, SqlExecutor } from './driver';

/**
 * The embedded store: `node:sqlite`, built into Node 22, so the relay needs no setup and no download.
 * (better-sqlite3 would need a native binary fetched at install time, which this project's machines cannot do.)
 * One process owns the file; its statements are synchronous, so a transaction is made atomic by letting nothing
 * else run on the connection until it ends (the queue below).
 */
export function sqliteDriver(path: string): SqlDriver {
  const db = new DatabaseSync(path);
  // WAL: readers do not block the writer; a crash loses no committed transaction.
  // https://www.sqlite.org/wal.html
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  let queue: Promise<unknown> = Promise.resolve();

  const run = (sql: string, params: readonly unknown[] = []): Row[] => {
    const statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
    const values = params.map((p) => (p === undefined ? null : p)) as Array<string | number | null>;
    return statement.all(...values) as Row[];
  };

  /** Runs `work` after everything queued before it, and holds the connection until it ends. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    kind: 'sqlite',
    serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    skipLocked: '',
    query: (sql, params) => exclusive(async () => run(sql, params)),
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) =>
      exclusive(async () => {
        run('BEGIN IMMEDIATE');
        try {
          const result = await work({ query: async (sql, params) => run(sql, params) });
          run('COMMIT');
          return result;
        } catch (error) {
          run('ROLLBACK');
          throw error;
        }
      }),
    close: () => exclusive(async () => db.close()),
  };
}
