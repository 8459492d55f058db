/**
 * When to try a failed request again inside the same invocation, and how long to wait.
 * - 429 burst/secondly (`TEN_SECONDLY_ROLLING`, `SECONDLY`): the request was not processed, so any request is
 *   retried after the window frees, while the step's time budget allows; otherwise the error goes back to the
 *   platform with `retryAfterSeconds`, the delay it should wait. How long is `rateLimitWaitMs`.
 * - 429 `DAILY`: never (the quota resets at midnight in the portal's time zone).
 * - 5xx, 423 Locked (locks last 2 s), timeouts, dropped connections: a few retries with jittered exponential
 *   backoff, ONLY for requests declared idempotent (GET, search, batch read, upsert by a unique property). A
 *   create may have been applied before the failure, so it is never retried blind.
 * Sources: https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines,
 * https://developers.hubspot.com/docs/api-reference/error-handling (423, 5xx).
 */
import { type HubSpotError, RateLimitedError, TryLaterError } from './errors';
import { BURST_WINDOW_MS, RATE_LIMIT_POLICY_WINDOW_MS, SEARCH_WINDOW_MS } from './limits';
import type { Lane } from './throttle';

export interface RetryPolicy {
  /** Extra attempts for 5xx / 423 / network failures of idempotent requests. */
  maxTransientRetries: number;
  /** First backoff; doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Extra attempts after 429s (the time budget usually stops them first). */
  maxRateLimitRetries: number;
  /** `Math.random` in production; fixed in tests. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTransientRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRateLimitRetries: 5,
  random: Math.random,
};

/** HubSpot: "Locks will last for 2 seconds". */
export const LOCKED_MIN_WAIT_MS = 2_000;

export interface RateLimitAnswer {
  /** The lane the refused request went through. */
  lane: Lane;
  /** The body's `policyName` (see `policyOf` in `classify.ts`). */
  policyName?: string;
  /** A `Retry-After` header, in seconds. */
  retryAfterSeconds?: number;
  /** `X-HubSpot-RateLimit-Interval-Milliseconds`: the length of the burst window HubSpot counts in. */
  intervalMs?: number;
}

/**
 * How long a 429 asks us to wait before the window it names has room again; `undefined` for `DAILY` (not a wait
 * worth holding a lane for). HubSpot's own `Retry-After` first, then the window of the body's `policyName` (the
 * interval header, when sent, is the burst window's exact length), and only for a body naming no known policy the
 * window of the lane the request went through. https://developers.hubspot.com/docs/api/usage-details
 */
export function rateLimitWaitMs(answer: RateLimitAnswer): number | undefined {
  if (answer.retryAfterSeconds !== undefined) return answer.retryAfterSeconds * 1000;
  if (answer.policyName === 'DAILY') return undefined;
  if (answer.policyName === 'TEN_SECONDLY_ROLLING' && answer.intervalMs) return answer.intervalMs;
  const policyWindow = answer.policyName ? RATE_LIMIT_POLICY_WINDOW_MS[answer.policyName] : undefined;
  return policyWindow ?? (answer.lane === 'search' ? SEARCH_WINDOW_MS : BURST_WINDOW_MS);
}

/** A rate-limit wait plus up to 10 % (at most 1 s) so parallel invocations do not return at the same instant. */
export function jitterRateWait(waitMs: number, random: () => number): number {
  return Math.ceil(waitMs + random() * Math.min(1_000, waitMs * 0.1));
}

/** "Equal jitter" exponential backoff: half fixed, half random. `retryNumber` starts at 1. */
export function backoffMs(retryNumber: number, policy: RetryPolicy): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.ceil(cap / 2 + policy.random() * (cap / 2));
}

export interface RetryState {
  idempotent: boolean;
  /** Retries already made for this request, by kind. */
  rateLimitRetries: number;
  transientRetries: number;
  now: number;
  /** Epoch ms when the step's time budget ends. */
  deadline: number;
  /** For 429s: the jittered wait until the lane has room again. */
  rateWaitMs?: number;
}

export type RetryDecision = { retry: true; waitMs: number } | { retry: false };

export function decideRetry(error: HubSpotError, state: RetryState, policy: RetryPolicy): RetryDecision {
  const fits = (waitMs: number) => state.now + waitMs <= state.deadline;
  if (error.retry === 'rate-window') {
    const waitMs =
      state.rateWaitMs ?? (error instanceof RateLimitedError ? error.retryAfterSeconds * 1000 : 10_000);
    return state.rateLimitRetries < policy.maxRateLimitRetries && fits(waitMs)
      ? { retry: true, waitMs }
      : { retry: false };
  }
  if (
    error.retry === 'transient' &&
    state.idempotent &&
    state.transientRetries < policy.maxTransientRetries
  ) {
    let waitMs = backoffMs(state.transientRetries + 1, policy);
    if (error instanceof TryLaterError)
      waitMs = Math.max(waitMs, error.retryAfterSeconds * 1000, LOCKED_MIN_WAIT_MS);
    return fits(waitMs) ? { retry: true, waitMs } : { retry: false };
  }
  return { retry: false };
}
