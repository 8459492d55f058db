import type { OperationState } from './types';

/**
 * Where a platform keeps one Zap's (or scenario's) state for one operation: a single document, so that everything a
 * run moves forward is saved in one write and a run can never leave half of its state advanced.
 */
export interface StateDocumentStore {
  read(): Promise<Record<string, unknown> | undefined>;
  write(document: Record<string, unknown>): Promise<void>;
}

/** An operation's state whose writes wait for `commit`. */
export interface StagedState extends OperationState {
  /** Saves every staged write in one store write; does nothing when nothing was staged. */
  commit(): Promise<void>;
}

/**
 * State writes of one run, held back until the run has fully built its output.
 *
 * A polling trigger moves its watermark while it reads, but the records it covers are handed over only when the
 * whole poll succeeds: associations, property history, list members' records and every form are read after the
 * watermark was computed. If any of those reads fails, the poll fails and the platform shows nothing, so the
 * watermark must not have moved, or the next poll would start past records nobody received. Reads see the run's own
 * staged writes; the platform adapter calls `commit` only after `perform` has returned its items.
 */
export function stagedState(store: StateDocumentStore): StagedState {
  let saved: Promise<Record<string, unknown>> | undefined;
  const staged = new Map<string, unknown>();
  const load = () => {
    saved ??= store.read().then((document) => document ?? {});
    return saved;
  };
  return {
    async get<T>(key: string) {
      if (staged.has(key)) return staged.get(key) as T;
      return (await load())[key] as T | undefined;
    },
    async set<T>(key: string, value: T) {
      staged.set(key, value);
    },
    async commit() {
      if (staged.size === 0) return;
      const document = { ...(await load()), ...Object.fromEntries(staged) };
      await store.write(document);
      staged.clear();
      saved = Promise.resolve(document);
    },
  };
}

/** A store that keeps nothing: runs without a Zap id (editor tests, `invoke`) fall back to the latest records. */
export const noStateStore: StateDocumentStore = {
  read: async () => undefined,
  write: async () => {},
};
