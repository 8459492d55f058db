/**
 * How long one HubSpot request may wait for its answer. A Zapier step has 30 s for its requests and code together
 * (`DEFAULT_BUDGET_MS` in `client.ts`); without a timeout, a stalled answer holds the step until Zapier kills it,
 * with nothing retried and no clear error. So each request is timed from what is left of the step's budget when it
 * is sent:
 * - an idempotent request (read, search, upsert) keeps room for one retry: at most half of what remains once the
 *   pause before that retry is set aside, so a stall at the start of a step is retried inside it;
 * - any other request (a create) is never retried blind, since it may have been applied: it may wait for all that
 *   remains;
 * - neither waits longer than `REQUEST_TIMEOUT_CAP_MS`. HubSpot normally answers in well under a second, so 12 s of
 *   silence is an outage, not a slow answer; and 2 × 12 s plus the first backoff (0.5 s) fits a 30 s step with
 *   about 5 s left for pacing waits and the step's own work.
 * `HUBSPOT_REQUEST_TIMEOUT_MS` (`config.ts`) replaces the cap, so a test can reach "past the timeout" in a second.
 */
import { requestTimeoutOverride } from './config';

export const REQUEST_TIMEOUT_CAP_MS = 12_000;

/** Even a request sent when the budget is (nearly) spent gets this long, up to the cap, rather than none. */
export const MIN_REQUEST_TIMEOUT_MS = 2_000;

export interface TimeoutInput {
  /** Time left in the step's budget, in ms. */
  remainingMs: number;
  /** For a request that may be retried: the pause before the retry, set aside with room for that retry. */
  retryPauseMs?: number;
  /** The client's own cap; else `HUBSPOT_REQUEST_TIMEOUT_MS`, else `REQUEST_TIMEOUT_CAP_MS`. */
  capMs?: number;
}

export function requestTimeoutMs({ remainingMs, retryPauseMs, capMs }: TimeoutInput): number {
  const cap = capMs ?? requestTimeoutOverride() ?? REQUEST_TIMEOUT_CAP_MS;
  const share = retryPauseMs === undefined ? remainingMs : (remainingMs - retryPauseMs) / 2;
  return Math.min(cap, Math.max(MIN_REQUEST_TIMEOUT_MS, Math.floor(share)));
}
