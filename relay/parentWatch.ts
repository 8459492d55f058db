import { readFileSync } from 'node:fs';

/**
 * Calls `stop` once the `npm run relay` that started this process is gone. npm does not always pass a signal on:
 * stopped, the relay gets a new parent; killed outright (SIGKILL), it leaves the `sh -c` between them, whose own
 * parent then changes, which Linux shows in `/proc`.
 */
export function whenParentGone(stop: () => void): void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  setInterval(() => {
    const now = parentOf(parent);
    const shellOrphaned = grandparent !== undefined && now !== undefined && now !== grandparent;
    if (process.ppid !== parent || shellOrphaned) stop();
  }, 1_000).unref();
}

/** A process's parent pid from `/proc/<pid>/stat` (Linux), or undefined where it cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, may hold spaces): the state, then the parent pid.
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(parentPid) ? parentPid : undefined;
  } catch {
    return undefined;
  }
}
