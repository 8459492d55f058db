/**
 * When to try a failed delivery again. The first retry comes within 5 s (a hook that blinked is retried while the
 * user still watches the hook's history); then the wait triples, up to an hour; after 24 h of failing the batch
 * becomes a dead letter. The jitter (±20 %) keeps many failing hooks from retrying in step.
 */

export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_WAIT_MS = 3_600_000;
export const DEAD_LETTER_AFTER_MS = 24 * 3_600_000;

export function retryWaitMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 3 ** Math.max(failures - 1, 0), MAX_RETRY_WAIT_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The next attempt's time, or undefined when the batch has failed for 24 h and is dead. */
export function nextAttemptAt(
  failures: number,
  failingSince: number,
  now: number,
  random?: () => number,
): number | undefined {
  const deadline = failingSince + DEAD_LETTER_AFTER_MS;
  if (now >= deadline) return undefined;
  return Math.min(now + retryWaitMs(failures, random), deadline);
}
