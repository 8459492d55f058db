import { DatabaseSync, type StatementSync } from 'node:sqlite';
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

  // Prepared once per distinct statement: preparing each call was most of the time an insert took.
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, statement);
    }
    return statement;
  };

  const run = (sql: string, params: readonly unknown[] = []): Row[] => {
    const statement = prepared(sql);
    const values = params.map((p) => (p === undefined ? null : p)) as Array<string | number | null>;
    return statement.all(...values) as Row[];
  };

  /** Runs `work` after everything queued before it, and holds the connection until it ends. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  /**
   * Group commit: every COMMIT waits for the disk (fsync), and node:sqlite waits on the main thread, so one commit
   * per transaction capped the relay at a few hundred transactions a second. Transactions asked for in the same
   * turn of the event loop run in one BEGIN … COMMIT, each inside its own SAVEPOINT, so each is still all or
   * nothing (https://www.sqlite.org/lang_savepoint.html); none is answered before the shared COMMIT is on disk.
   */
  type Waiting = {
    work: (tx: SqlExecutor) => Promise<unknown>;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  };
  let waiting: Waiting[] = [];
  const tx: SqlExecutor = { query: async (sql, params) => run(sql, params) };
  const commitGroup = async () => {
    const group = waiting;
    waiting = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    const failAll = (error: unknown) => {
      try {
        run('ROLLBACK');
      } catch {}
      for (const item of group) item.reject(error);
    };
    try {
      run('BEGIN IMMEDIATE');
      for (const item of group) {
        run('SAVEPOINT relay_tx');
        try {
          outcomes.push({ ok: true, value: await item.work(tx) });
          run('RELEASE relay_tx');
        } catch (error) {
          run('ROLLBACK TO relay_tx');
          run('RELEASE relay_tx');
          outcomes.push({ ok: false, error });
        }
      }
      run('COMMIT');
    } catch (error) {
      // The database itself failed (disk full, busy): nothing of the group is kept.
      failAll(error);
      return;
    }
    group.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  };

  return {
    kind: 'sqlite',
    serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    skipLocked: '',
    query: (sql, params) => exclusive(async () => run(sql, params)),
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve, reject } as Waiting);
        if (waiting.length === 1) setImmediate(() => void exclusive(commitGroup));
      }),
    close: () => exclusive(async () => db.close()),
  };
}
