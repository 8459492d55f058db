/**
 * `z.cache` as Zapier's RPC serves it, for tests that depend on its `nx` and `ttl`: zapier-platform-core's own test
 * mock (`rpcCacheMock` in `src/tools/create-rpc-client.js`) drops both, always overwrites and always answers true, so
 * under it every run would win a set-if-absent. Here `zcache_set` with `nx` sets only when no live entry has the key
 * and answers whether it set (https://github.com/zapier/zapier-platform/pull/900), and entries expire after `ttl`
 * seconds. Other RPC methods go to the real client.
 *
 * A test file installs it before anything loads zapier-platform-core:
 *   jest.mock('zapier-platform-core/src/tools/create-rpc-client', () =>
 *     jest.requireActual('../support/zcacheRpc').withZcache(
 *       jest.requireActual('zapier-platform-core/src/tools/create-rpc-client')));
 */

type Rpc = (method: string, ...params: unknown[]) => Promise<unknown>;
type CreateRpcClient = (event: unknown) => Rpc;

interface Entry {
  value: string;
  expiresAt: number;
}

const entries = new Map<string, Entry>();
let failure: (() => unknown) | undefined;
/** Which keys `failure` applies to; every key when absent. */
let failing: RegExp | undefined;

/** The test's handle on the store: read what runs wrote, empty it, or make it fail. */
export const zcache = {
  clear(): void {
    entries.clear();
    failure = undefined;
    failing = undefined;
  },
  /** The parsed value of a live entry. */
  value(key: string): unknown {
    const entry = live(key);
    return entry ? JSON.parse(entry.value) : undefined;
  },
  keys(): string[] {
    return [...entries.keys()].filter((key) => live(key));
  },
  /**
   * Every zcache call throws this error until `clear` (Zapier's RPC unreachable or refusing); with `keys`, only calls
   * on keys it matches (one use of the store failing while the others work).
   */
  failWith(error: Error, keys?: RegExp): void {
    failure = () => {
      throw error;
    };
    failing = keys;
  },
  /** Every zcache call answers this instead of doing anything (a platform answering something unexpected). */
  answer(value: unknown): void {
    failure = () => value;
  },
};

function live(key: string): Entry | undefined {
  const entry = entries.get(key);
  if (entry && entry.expiresAt <= Date.now()) {
    entries.delete(key);
    return undefined;
  }
  return entry;
}

async function zcacheCall(method: string, params: unknown[]): Promise<unknown> {
  const [key, value, ttl, _scope, nx] = params as [string, string, number | null, unknown, boolean | null];
  if (failure && (!failing || failing.test(key))) return failure();
  if (method === 'zcache_get') return live(key)?.value ?? null;
  if (method === 'zcache_delete') return entries.delete(key);
  // zcache_set
  if (nx === true && live(key)) return false;
  entries.set(key, { value, expiresAt: ttl == null ? Number.POSITIVE_INFINITY : Date.now() + ttl * 1000 });
  return true;
}

export function withZcache(createRpcClient: CreateRpcClient): CreateRpcClient {
  return (event) => {
    const real = createRpcClient(event);
    return async (method, ...params) =>
      method.startsWith('zcache_') ? zcacheCall(method, params) : real(method, ...params);
  };
}
