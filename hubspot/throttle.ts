/**
 * Pacing inside one invocation: a burst lane sized from HubSpot's rate-limit headers and a search lane at 5/s.
 * Bottleneck (as in `@hubspot/api-client`) queues jobs and caps concurrency per lane; the timing comes from
 * `rateWindow.ts` on an injectable clock, so tests run on a fake clock.
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */
import Bottleneck from 'bottleneck';
import { type Clock, systemClock } from './clock';
import { RateLimitedError } from './errors';
import { burstLimit } from './limits';
import { BurstWindow, type RateLimitHeaders, readRateLimitHeaders, SearchPacer } from './rateWindow';

export type Lane = 'burst' | 'search';

export interface ThrottleOptions {
  clock?: Clock;
  /** Burst allowance before the first headers arrive; defaults to the lowest documented one. */
  initialBurstMax?: number;
  searchPerSecond?: number;
  /** Requests in flight at once per lane. */
  maxConcurrent?: Partial<Record<Lane, number>>;
}

export interface ScheduleOptions {
  /** Epoch ms by which the request must have started; a longer pacing wait throws `RateLimitedError`. */
  deadline?: number;
}

/** The lowest burst any portal gets (Free/Starter private apps), so pacing starts safe. */
const SAFE_INITIAL_BURST = Math.min(burstLimit('free', 'private'), burstLimit('free', 'oauth'));

function pacingTooLong(waitMs: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const error = new RateLimitedError({
    message: `HubSpot's rate limit for this app is nearly used up. Try again in ${seconds} seconds.`,
    status: 429,
    severity: 'minor',
    zapier: 'ThrottledError',
    make: 'RateLimitError',
    retry: 'rate-window',
  });
  error.retryAfterSeconds = seconds;
  return error;
}

export class Throttle {
  readonly clock: Clock;
  private readonly burst: BurstWindow;
  private readonly search: SearchPacer;
  private readonly limiters: Record<Lane, Bottleneck>;
  /** Last daily figures seen (private-app tokens only), for logs. */
  daily: Pick<RateLimitHeaders, 'daily' | 'dailyRemaining'> = {};

  constructor(options: ThrottleOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.burst = new BurstWindow({ max: options.initialBurstMax ?? SAFE_INITIAL_BURST });
    this.search = new SearchPacer(options.searchPerSecond);
    this.limiters = {
      burst: new Bottleneck({ maxConcurrent: options.maxConcurrent?.burst ?? 6 }),
      search: new Bottleneck({ maxConcurrent: options.maxConcurrent?.search ?? 2 }),
    };
  }

  private pacer(lane: Lane): BurstWindow | SearchPacer {
    return lane === 'burst' ? this.burst : this.search;
  }

  /** How long the next request on `lane` would wait now. */
  delayBeforeNext(lane: Lane): number {
    return this.pacer(lane).delayBeforeNext(this.clock.now());
  }

  /** Runs `task` when the lane allows. The slot is reserved before waiting, so concurrent jobs space out. */
  schedule<T>(lane: Lane, task: () => Promise<T>, options: ScheduleOptions = {}): Promise<T> {
    return this.limiters[lane].schedule(async () => {
      const pacer = this.pacer(lane);
      const now = this.clock.now();
      const wait = pacer.delayBeforeNext(now);
      if (options.deadline !== undefined && now + wait > options.deadline) throw pacingTooLong(wait);
      pacer.recordSend(now + wait);
      if (wait > 0) await this.clock.sleep(wait);
      return task();
    });
  }

  /** Feeds response headers back (search responses carry none, so only the burst lane learns). */
  observe(lane: Lane, headers: Readonly<Record<string, string>>): void {
    const parsed = readRateLimitHeaders(headers);
    if (!parsed) return;
    if (parsed.daily !== undefined || parsed.dailyRemaining !== undefined) {
      this.daily = { daily: parsed.daily, dailyRemaining: parsed.dailyRemaining };
    }
    if (lane === 'burst') this.burst.observe(parsed, this.clock.now());
  }

  /** A 429 asking for `waitMs` (see `rateLimitWaitMs`): holds the lane that long; returns the lane's wait now. */
  noteRateLimited(lane: Lane, waitMs: number): number {
    this.pacer(lane).holdUntil(this.clock.now() + waitMs);
    return this.delayBeforeNext(lane);
  }
}
