/**
 * Pure pacing arithmetic for HubSpot's two rate limits, driven by an explicit `now` so it is testable without
 * timers. Limits: https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 * - burst: N requests per rolling 10 s window, reported on every non-search response in
 *   `X-HubSpot-RateLimit-Max`, `-Remaining`, `-Interval-Milliseconds`;
 * - search: 5 requests per second per account, with no headers at all
 *   (https://developers.hubspot.com/docs/api/crm/search).
 *
 * Why it holds by construction: HubSpot counts a request at the instant it arrives, which we never see but which
 * lies between the moment we sent it and the moment its answer came back. So each lane counts a request from its
 * send until one window after its answer (while it is in flight, indefinitely), and sends only while fewer than
 * the limit are counted. However the network or a busy server bunches requests, HubSpot's window then holds fewer
 * than the limit too. Measuring from the send alone (as before) let a late-arriving request share HubSpot's window
 * with a later one, and a 6th search landed in a full second.
 */
import { BURST_WINDOW_MS, SEARCH_REQUESTS_PER_SECOND, SEARCH_WINDOW_MS } from './limits';

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

/**
 * Safety margin on every window: HubSpot may count in coarser steps than our millisecond clock (a rolling window
 * kept in buckets), so a request stays counted a tenth of a window longer than the window itself.
 */
export const WINDOW_MARGIN = 0.1;

const withMargin = (windowMs: number) => Math.round(windowMs * (1 + WINDOW_MARGIN));

/** One request on a lane: sent at `start`, answered at `end` (`Infinity` while in flight). */
export interface Slot {
  readonly start: number;
  end: number;
}

/** The requests of one lane that a window may still count. */
class SendLog {
  private slots: Slot[] = [];
  lastStart = Number.NEGATIVE_INFINITY;

  begin(at: number, windowMs: number): Slot {
    this.slots = this.counted(at, windowMs);
    const slot = { start: at, end: Number.POSITIVE_INFINITY };
    this.slots.push(slot);
    this.lastStart = Math.max(this.lastStart, at);
    return slot;
  }

  /** In flight, or answered less than `windowMs` ago. */
  counted(now: number, windowMs: number): Slot[] {
    return this.slots.filter((s) => s.end + windowMs > now);
  }

  /** When at most `keep` requests are still counted: `now` if already so, `Infinity` while that needs an answer. */
  timeWhenAtMost(keep: number, now: number, windowMs: number): number {
    const expiries = this.counted(now, windowMs)
      .map((s) => s.end + windowMs)
      .sort((a, b) => a - b);
    const mustExpire = expiries.length - Math.max(0, keep);
    return mustExpire <= 0 ? now : expiries[mustExpire - 1]!;
  }

  /** When the oldest counted request stops counting, taking an unanswered one as answered now. */
  firstExpiry(now: number, windowMs: number): number {
    return Math.min(now, ...this.counted(now, windowMs).map((s) => s.end)) + windowMs;
  }

  /** Requests that may have reached HubSpot after `slot` did: all but those answered before it was sent. */
  notCountedBefore(slot: Slot | undefined, sentAt: number): number {
    return this.slots.filter((s) => s !== slot && s.end >= sentAt).length;
  }
}

/** What the throttle needs of a lane. */
export interface Pacer {
  /** Milliseconds to wait before the next send; `Infinity` when only an answer still in flight can make room. */
  delayBeforeNext(now: number): number;
  /** Counts a request sent now (call only when `delayBeforeNext(now)` is 0). */
  begin(now: number): Slot;
  /** Its answer arrived (or it failed), with the rate-limit headers it carried. */
  finish(slot: Slot, now: number, headers?: RateLimitHeaders): void;
  /** A 429: nothing goes out before `until`. */
  holdUntil(until: number): void;
}

interface Snapshot {
  remaining: number;
  /** The request whose answer carried the headers, and when it was sent. */
  slot?: Slot;
  sentAt: number;
  /** Everything HubSpot counted in `remaining` has left its window by then. */
  expiresAt: number;
}

export interface BurstWindowOptions {
  /** Allowance per window until HubSpot tells us otherwise. */
  max: number;
  intervalMs?: number;
  /** Below this share of `max` left, requests are spread over the rest of the window instead of sent at once. */
  reserveFraction?: number;
}

/**
 * The burst lane: our own requests in the window against `X-HubSpot-RateLimit-Max`, and, for one window after
 * they arrived, the latest `Remaining` (which also counts other runs of the app on the portal) minus every request
 * HubSpot may not have counted in it.
 */
export class BurstWindow implements Pacer {
  private max: number;
  private intervalMs: number;
  private readonly reserveFraction: number;
  private readonly log = new SendLog();
  private snapshot: Snapshot | undefined;
  private heldUntil = Number.NEGATIVE_INFINITY;

  constructor(options: BurstWindowOptions) {
    this.max = options.max;
    this.intervalMs = options.intervalMs ?? BURST_WINDOW_MS;
    this.reserveFraction = options.reserveFraction ?? 0.1;
  }

  private get windowMs(): number {
    return withMargin(this.intervalMs);
  }

  /** Headers from the answer to `slot` (none: headers seen outside a request, counted from `now`). */
  observe(headers: RateLimitHeaders, now: number, slot?: Slot): void {
    if (headers.max !== undefined && headers.max > 0) this.max = headers.max;
    if (headers.intervalMs !== undefined && headers.intervalMs > 0) this.intervalMs = headers.intervalMs;
    if (headers.remaining === undefined) return;
    const sentAt = slot?.start ?? now;
    const current = this.snapshot;
    // An answer overtaken by a later-sent request's answer knows less; keep the later one while it holds.
    if (current && now < current.expiresAt && sentAt < current.sentAt) return;
    this.snapshot = { remaining: headers.remaining, slot, sentAt, expiresAt: now + this.windowMs };
  }

  begin(now: number): Slot {
    return this.log.begin(now, this.windowMs);
  }

  finish(slot: Slot, now: number, headers?: RateLimitHeaders): void {
    slot.end = now;
    if (headers) this.observe(headers, now, slot);
  }

  holdUntil(until: number): void {
    this.heldUntil = Math.max(this.heldUntil, until);
  }

  delayBeforeNext(now: number): number {
    const windowMs = this.windowMs;
    const ownRoom = this.max - this.log.counted(now, windowMs).length;
    const snap = this.snapshot && now < this.snapshot.expiresAt ? this.snapshot : undefined;
    const seenRoom = snap
      ? snap.remaining - this.log.notCountedBefore(snap.slot, snap.sentAt)
      : Number.POSITIVE_INFINITY;
    const room = Math.min(ownRoom, seenRoom);
    const reserve = Math.max(1, Math.ceil(this.max * this.reserveFraction));
    let at = this.heldUntil;
    if (room <= 0) {
      if (ownRoom <= 0) at = Math.max(at, this.log.timeWhenAtMost(this.max - 1, now, windowMs));
      if (snap && seenRoom <= 0) at = Math.max(at, snap.expiresAt);
    } else if (room <= reserve) {
      // Spread what is left evenly over the rest of the window, counting from the last send (or the headers that
      // showed so little left): a fixed point, so waking up to check again does not push the send further out.
      const resetAt = snap && seenRoom <= ownRoom ? snap.expiresAt : this.log.firstExpiry(now, windowMs);
      const from = Math.max(this.log.lastStart, snap?.sentAt ?? Number.NEGATIVE_INFINITY);
      const last = Number.isFinite(from) ? from : now;
      at = Math.max(at, last + Math.max(0, resetAt - last) / room);
    }
    return Math.max(0, Math.ceil(at - now));
  }
}

/**
 * The search lane: at most `perSecond` requests counted in a second (with the margin), sent at least a fifth of
 * that window apart so they never leave in a clump, and held after a 429 as long as its policy asks.
 */
export class SearchPacer implements Pacer {
  private readonly windowMs: number;
  private readonly spacingMs: number;
  private readonly log = new SendLog();
  private heldUntil = Number.NEGATIVE_INFINITY;

  constructor(private readonly perSecond = SEARCH_REQUESTS_PER_SECOND) {
    this.windowMs = withMargin(SEARCH_WINDOW_MS);
    this.spacingMs = Math.ceil(this.windowMs / perSecond);
  }

  delayBeforeNext(now: number): number {
    const at = Math.max(
      this.heldUntil,
      this.log.lastStart + this.spacingMs,
      this.log.timeWhenAtMost(this.perSecond - 1, now, this.windowMs),
    );
    return Math.max(0, Math.ceil(at - now));
  }

  begin(now: number): Slot {
    return this.log.begin(now, this.windowMs);
  }

  finish(slot: Slot, now: number): void {
    slot.end = now;
  }

  holdUntil(until: number): void {
    this.heldUntil = Math.max(this.heldUntil, until);
  }
}
