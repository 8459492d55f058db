/**
 * Pacing: a burst lane sized from HubSpot's rate-limit headers and a search lane at 5/s. Bottleneck (as in
 * `@hubspot/api-client`) queues jobs in order and caps concurrency per lane; when a job may go, and how HubSpot
 * counts it until its answer is a window old, comes from `rateWindow.ts` on an injectable clock, so tests run on a
 * fake clock. One throttle per portal is shared by the runs of a process (`portalThrottle`).
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */
import type Bottleneck from 'bottleneck';
import { type Clock, systemClock } from './clock';
import { RateLimitedError } from './errors';
import { burstLimit } from './limits';
import {
  BurstWindow,
  type Pacer,
  type RateLimitHeaders,
  readRateLimitHeaders,
  SearchPacer,
  type Slot,
} from './rateWindow';

export type Lane = 'burst' | 'search';

export interface ThrottleOptions {
  clock?: Clock;
  /** Burst allowance before the first headers arrive; defaults to the lowest documented one. */
  initialBurstMax?: number;
  searchPerSecond?: number;
  /** Requests in flight at once per lane. */
  maxConcurrent?: Partial<Record<Lane, number>>;
}

export interface ScheduleOptions<T> {
  /** Epoch ms by which the request must have started; a longer pacing wait throws `RateLimitedError`. */
  deadline?: number;
  /** The response headers of the task's result, so the lane learns from the answer to this very request. */
  headers?: (result: T) => Readonly<Record<string, string>>;
}

/** The lowest burst any portal gets (Free/Starter private apps), so pacing starts safe. */
const SAFE_INITIAL_BURST = Math.min(burstLimit('free', 'private'), burstLimit('free', 'oauth'));

function pacingTooLong(waitMs: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const error = new RateLimitedError({
    message: `HubSpot's rate limit for this app is nearly used up. Try again in ${seconds} seconds.`,
    status: 429,
    severity: 'minor',
    kind: 'rate-limited',
    retry: 'rate-window',
  });
  error.retryAfterSeconds = seconds;
  return error;
}

/**
 * Bottleneck is required when the first throttle is made, not at load: a Zap's cold start then skips it until a
 * request is sent (`npm run bench:coldstart`). Written with double quotes: the bundle keeps only those as literal
 * package requires (`scripts/bundleApp.ts`).
 */
function loadBottleneck(): typeof Bottleneck {
  // biome-ignore format: the bundle keeps only double-quoted requires as literal package requires
  return require("bottleneck");
}

export class Throttle {
  readonly clock: Clock;
  private readonly burst: BurstWindow;
  private readonly search: SearchPacer;
  private readonly limiters: Record<Lane, Bottleneck>;
  /** Jobs waiting for any answer (only an answer can make room while every counted request is in flight). */
  private waitingForAnswer: Array<() => void> = [];
  /** Last daily figures seen (private-app tokens only), for logs. */
  daily: Pick<RateLimitHeaders, 'daily' | 'dailyRemaining'> = {};

  constructor(options: ThrottleOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.burst = new BurstWindow({ max: options.initialBurstMax ?? SAFE_INITIAL_BURST });
    this.search = new SearchPacer(options.searchPerSecond);
    const Bottleneck = loadBottleneck();
    this.limiters = {
      burst: new Bottleneck({ maxConcurrent: options.maxConcurrent?.burst ?? 6 }),
      search: new Bottleneck({ maxConcurrent: options.maxConcurrent?.search ?? 2 }),
    };
  }

  private pacer(lane: Lane): Pacer {
    return lane === 'burst' ? this.burst : this.search;
  }

  /** How long the next request on `lane` would wait now (`Infinity`: until a request in flight is answered). */
  delayBeforeNext(lane: Lane): number {
    return this.pacer(lane).delayBeforeNext(this.clock.now());
  }

  /** Runs `task` when the lane has room, and counts it until its answer is a window old. */
  schedule<T>(lane: Lane, task: () => Promise<T>, options: ScheduleOptions<T> = {}): Promise<T> {
    return this.limiters[lane].schedule(async () => {
      const slot = await this.room(lane, options.deadline);
      let headers: Readonly<Record<string, string>> | undefined;
      try {
        const result = await task();
        headers = options.headers?.(result);
        return result;
      } finally {
        this.finish(lane, slot, headers);
      }
    });
  }

  /**
   * Waits until the lane has room, then takes it. The check and the taking run without a pause between them, so
   * jobs waking together cannot both take the last place; each wait is checked again on waking.
   */
  private async room(lane: Lane, deadline: number | undefined): Promise<Slot> {
    const pacer = this.pacer(lane);
    for (;;) {
      const now = this.clock.now();
      const wait = pacer.delayBeforeNext(now);
      if (wait <= 0) return pacer.begin(now);
      if (!Number.isFinite(wait)) {
        await new Promise<void>((resolve) => this.waitingForAnswer.push(resolve));
        continue;
      }
      if (deadline !== undefined && now + wait > deadline) throw pacingTooLong(wait);
      await this.clock.sleep(wait);
    }
  }

  private finish(lane: Lane, slot: Slot, headers: Readonly<Record<string, string>> | undefined): void {
    const parsed = headers && readRateLimitHeaders(headers);
    this.pacer(lane).finish(slot, this.clock.now(), parsed);
    if (parsed) this.noteDaily(parsed);
    const waiting = this.waitingForAnswer;
    this.waitingForAnswer = [];
    for (const wake of waiting) wake();
  }

  private noteDaily(parsed: RateLimitHeaders): void {
    if (parsed.daily !== undefined || parsed.dailyRemaining !== undefined) {
      this.daily = { daily: parsed.daily, dailyRemaining: parsed.dailyRemaining };
    }
  }

  /** Feeds headers seen outside `schedule` back (search responses carry none, so only the burst lane learns). */
  observe(lane: Lane, headers: Readonly<Record<string, string>>): void {
    const parsed = readRateLimitHeaders(headers);
    if (!parsed) return;
    this.noteDaily(parsed);
    if (lane === 'burst') this.burst.observe(parsed, this.clock.now());
  }

  /** A 429 asking for `waitMs` (see `rateLimitWaitMs`): holds the lane that long; returns the lane's wait now. */
  noteRateLimited(lane: Lane, waitMs: number): number {
    this.pacer(lane).holdUntil(this.clock.now() + waitMs);
    const wait = this.delayBeforeNext(lane);
    // Waiting on answers still in flight (never longer than their timeout): the hold is the best figure to give.
    return Number.isFinite(wait) ? wait : waitMs;
  }
}

/** Portals a process keeps pacing for; past this the least recently added is forgotten. */
const MAX_SHARED_THROTTLES = 1_000;
const shared = new Map<string, Throttle>();

/**
 * The throttle of one HubSpot portal, shared by every run in this process. Zapier runs invocations one after another
 * in a warm process, each with a new client: a throttle per invocation did not know the searches the previous run
 * had just sent, so a poll right after a 5-search poll drew a 429. HubSpot counts search per account and the burst
 * per app and account, and a process serves one app, so the portal is the key.
 */
export function portalThrottle(portalId: string): Throttle {
  let throttle = shared.get(portalId);
  if (!throttle) {
    if (shared.size >= MAX_SHARED_THROTTLES) shared.delete(shared.keys().next().value!);
    throttle = new Throttle();
    shared.set(portalId, throttle);
  }
  return throttle;
}

/** Forgets a portal's shared pacing: for tests that stand for polls minutes apart without waiting minutes. */
export function forgetPortalThrottle(portalId: string): void {
  shared.delete(portalId);
}
