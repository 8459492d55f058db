import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { postgresDriver } from './postgres';
import { sqliteDriver } from './sqlite';
import { SqlStore } from './sqlStore';
import type { RelayStore } from './types';

export type { RelayStore } from './types';

/** Where the embedded store lives when `RELAY_DATABASE_URL` is unset. */
export const DEFAULT_SQLITE_PATH = '.relay/relay.db';

/**
 * `postgres://` or `postgresql://` → the shared Postgres store; `sqlite:<path>` or nothing → the embedded store
 * (`:memory:` for a throwaway one). Tables are created on open.
 */
export async function openStore(databaseUrl: string | undefined): Promise<RelayStore> {
  let store: SqlStore;
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    store = new SqlStore(postgresDriver(databaseUrl));
  } else if (!databaseUrl || databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl ? databaseUrl.slice('sqlite:'.length) : DEFAULT_SQLITE_PATH;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    store = new SqlStore(sqliteDriver(path));
  } else {
    throw new Error('RELAY_DATABASE_URL must start with postgres://, postgresql:// or sqlite:.');
  }
  await store.migrate();
  return store;
}
