/**
 * Pure pacing arithmetic for HubSpot's two rate limits, driven by an explicit `now` so it is testable without
 * timers. Limits: https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 * - burst: N requests per rolling 10 s window, reported on every non-search response in
 *   `X-HubSpot-RateLimit-Max`, `-Remaining`, `-Interval-Milliseconds`;
 * - search: 5 requests per second per account, with no headers at all.
 */
import { BURST_WINDOW_MS, SEARCH_REQUESTS_PER_SECOND } from './limits';

export interface RateLimitHeaders {
  max?: number;
  remaining?: number;
  intervalMs?: number;
  daily?: number;
  dailyRemaining?: number;
}

function intHeader(headers: Readonly<Record<string, string>>, name: string): number | undefined {
  const raw = headers[name];
  if (raw === undefined) return undefined;
  const value = Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Reads the `X-HubSpot-RateLimit-*` headers (lower-cased names); `undefined` when none is present. */
export function readRateLimitHeaders(
  headers: Readonly<Record<string, string>>,
): RateLimitHeaders | undefined {
  const parsed: RateLimitHeaders = {
    max: intHeader(headers, 'x-hubspot-ratelimit-max'),
    remaining: intHeader(headers, 'x-hubspot-ratelimit-remaining'),
    intervalMs: intHeader(headers, 'x-hubspot-ratelimit-interval-milliseconds'),
    daily: intHeader(headers, 'x-hubspot-ratelimit-daily'),
    dailyRemaining: intHeader(headers, 'x-hubspot-ratelimit-daily-remaining'),
  };
  return Object.values(parsed).some((v) => v !== undefined) ? parsed : undefined;
}

interface Snapshot {
  max: number;
  remaining: number;
  intervalMs: number;
  at: number;
}

export interface BurstWindowOptions {
  /** Allowance per window until HubSpot tells us otherwise. */
  max: number;
  intervalMs?: number;
  /** Below this share of `max` left, requests are spread over the rest of the window instead of sent at once. */
  reserveFraction?: number;
}

/**
 * The burst lane. It trusts the latest headers for one window after they arrived (counting our own sends since),
 * otherwise its own count of sends in the last window against the last known maximum.
 */
export class BurstWindow {
  private max: number;
  private intervalMs: number;
  private readonly reserveFraction: number;
  private sends: number[] = [];
  private snapshot: Snapshot | undefined;
  private heldUntil = Number.NEGATIVE_INFINITY;

  constructor(options: BurstWindowOptions) {
    this.max = options.max;
    this.intervalMs = options.intervalMs ?? BURST_WINDOW_MS;
    this.reserveFraction = options.reserveFraction ?? 0.1;
  }

  observe(headers: RateLimitHeaders, now: number): void {
    if (headers.max !== undefined && headers.max > 0) this.max = headers.max;
    if (headers.intervalMs !== undefined && headers.intervalMs > 0) this.intervalMs = headers.intervalMs;
    if (headers.remaining !== undefined) {
      this.snapshot = { max: this.max, remaining: headers.remaining, intervalMs: this.intervalMs, at: now };
    }
  }

  /** A 429: nothing goes out before `until`. */
  holdUntil(until: number): void {
    this.heldUntil = Math.max(this.heldUntil, until);
  }

  /** Reserves a send at `at` (a future time when the caller will wait first). */
  recordSend(at: number): void {
    this.sends.push(at);
  }

  /** Milliseconds to wait before the next send so the window is not exhausted. */
  delayBeforeNext(now: number): number {
    return Math.max(this.heldUntil - now, this.windowDelay(now));
  }

  private windowDelay(now: number): number {
    this.sends = this.sends.filter((t) => t > now - this.intervalMs);
    const { remaining, resetAt } = this.estimate(now);
    const reserve = Math.max(1, Math.ceil(this.max * this.reserveFraction));
    if (remaining > reserve) return 0;
    if (remaining <= 0) return Math.max(0, resetAt - now);
    // Spread what is left evenly over the rest of the window, counting from the last reserved send.
    const last = Math.max(now, this.sends[this.sends.length - 1] ?? now);
    const at = last + Math.max(0, resetAt - last) / remaining;
    return Math.max(0, Math.ceil(at - now));
  }

  private estimate(now: number): { remaining: number; resetAt: number } {
    const s = this.snapshot;
    if (s && now < s.at + s.intervalMs) {
      const sentSince = this.sends.filter((t) => t > s.at).length;
      return { remaining: s.remaining - sentSince, resetAt: s.at + s.intervalMs };
    }
    return { remaining: this.max - this.sends.length, resetAt: (this.sends[0] ?? now) + this.intervalMs };
  }
}

/**
 * The search lane: fixed spacing at `perSecond`, held after a 429 as long as its policy asks. HubSpot counts
 * arrivals in a rolling second, and network jitter can bunch requests sent exactly 200 ms apart, so each gap carries
 * a 10% margin (measured: without it, ~1 search in 6 drew a 429 against the sandbox).
 */
export const SEARCH_SPACING_MARGIN = 1.1;

export class SearchPacer {
  private readonly spacingMs: number;
  private nextAt = Number.NEGATIVE_INFINITY;

  constructor(perSecond = SEARCH_REQUESTS_PER_SECOND) {
    this.spacingMs = Math.round((1000 / perSecond) * SEARCH_SPACING_MARGIN);
  }

  delayBeforeNext(now: number): number {
    return Math.max(0, this.nextAt - now);
  }

  recordSend(at: number): void {
    this.nextAt = Math.max(this.nextAt, at + this.spacingMs);
  }

  holdUntil(until: number): void {
    this.nextAt = Math.max(this.nextAt, until);
  }
}
