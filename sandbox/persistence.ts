import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Sandbox } from './index';
import type { Portal } from './portal';

/**
 * `--data <file>`: the portal's whole state (`Portal.toJSON()`) in one JSON file. Saved after mutating requests
 * (debounced), and on close; written atomically so a crash never leaves a half-written file: temp file in the same
 * directory, fsync, rename, fsync the directory.
 */

export type PortalState = ReturnType<Portal['toJSON']>;

const FORMAT = 'hubspot-bridge-sandbox/1';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A data file that cannot be read back. The sandbox refuses to start rather than overwrite it. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Cannot use the data file ${file}: ${reason}. Fix or move it; the sandbox does not overwrite it.`);
  }
}

/** Reads a saved state; `undefined` when the file does not exist yet. */
export function readPortalState(file: string): PortalState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(file, (error as Error).message);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const format = (state as { format?: unknown } | null)?.format;
  if (format !== FORMAT)
    throw new DataFileError(file, `its format is ${JSON.stringify(format)}, expected "${FORMAT}"`);
  return state as PortalState;
}

/** Loads a saved state into a fresh portal, naming the file when the content does not fit. */
export function loadPortalState(portal: Portal, state: PortalState, file: string): void {
  try {
    portal.load(state);
  } catch (error) {
    throw new DataFileError(file, `its content does not load (${(error as Error).message})`);
  }
}

/** Writes `data` to `file` so that readers see the old content or the new one, never a mix. */
export function writeFileAtomic(file: string, data: string): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** Makes the rename itself durable; some file systems refuse to open a directory, which is fine. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

export interface Persistence {
  file: string;
  /** Saves now if anything changed since the last save. */
  flush(): void;
  /** Notes a change made outside a request (a store written directly); saved after the debounce. */
  markChanged(): void;
  /** Flushes and stops watching. */
  close(): void;
  /** Saves so far (for tests of the debounce). */
  readonly saves: number;
}

/**
 * Saves the sandbox's portal to `file` after each mutating request answered 2xx, at most once per `debounceMs`,
 * by wrapping `sandbox.handle`. Call `flush()`/`close()` on shutdown.
 */
export function persistSandbox(
  sandbox: Sandbox,
  file: string,
  options: { debounceMs?: number; onError?: (error: Error) => void } = {},
): Persistence {
  const debounceMs = options.debounceMs ?? 250;
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let saves = 0;
  let closed = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    try {
      writeFileAtomic(file, JSON.stringify(sandbox.portal.toJSON()));
      saves++;
    } catch (error) {
      dirty = true;
      if (!options.onError) throw error;
      options.onError(error as Error);
    }
  };

  const markChanged = () => {
    if (closed) return;
    dirty = true;
    timer ??= setTimeout(flush, debounceMs);
  };

  const handle = sandbox.handle;
  sandbox.handle = async (request) => {
    const answer = await handle(request);
    if (MUTATING.has(request.method.toUpperCase()) && answer.status >= 200 && answer.status < 300)
      markChanged();
    return answer;
  };

  return {
    file,
    flush,
    markChanged,
    close: () => {
      flush();
      closed = true;
      sandbox.handle = handle;
    },
    get saves() {
      return saves;
    },
  };
}

/** Saves the portal at once (the launcher, after minting its token). */
export function saveNow(sandbox: Sandbox, file: string): void {
  writeFileAtomic(file, JSON.stringify(sandbox.portal.toJSON()));
}
