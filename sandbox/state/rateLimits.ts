import type { Clock } from '../clock';
import { rateLimited } from '../errors';
import {
  type AppType,
  BURST_WINDOW_MS,
  burstLimit,
  dailyLimit,
  type PortalTier,
  SEARCH_REQUESTS_PER_SECOND,
} from '../facts/limits';
import type { AuthContext } from '../http';
import type { Lane } from '../router';

/** Lower limits for tests and demos that want to reach them quickly; absent fields keep HubSpot's figures. */
export interface RateLimitOverrides {
  /** Requests per 10-second window per app (private and OAuth apps alike). */
  burst?: number;
  /** Private-app requests per day per portal. */
  daily?: number;
  searchPerSecond?: number;
}

/**
 * HubSpot's limits as it enforces them (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines,
 * and https://developers.hubspot.com/docs/api/crm/search for the search limit):
 * - a 10-second rolling burst per app and portal: private apps by tier, OAuth (public) apps 110;
 * - a daily quota per portal shared by its private apps; OAuth apps have none and do not use it up;
 * - 5 search requests per second per portal, outside the burst, answered without rate-limit headers.
 * Refused requests do not count. Whether searches use up the daily quota is UNVERIFIED; the sandbox counts a private
 * app's searches toward it (the cautious reading for a connector).
 */
export class RateLimiter {
  private readonly burst = new Map<number, number[]>();
  private readonly searches: number[] = [];
  private daily = { day: '', count: 0 };
  enabled = true;
  overrides: RateLimitOverrides = {};

  constructor(
    private readonly clock: Clock,
    public tier: PortalTier,
    private readonly portalId: number,
    private readonly timeZone: string,
  ) {}

  burstLimit(appType: AppType): number {
    return this.overrides.burst ?? burstLimit(this.tier, appType);
  }

  /** The private-app daily quota for this portal's tier. */
  dailyLimit(): number {
    return this.overrides.daily ?? dailyLimit(this.tier, 'private') ?? 0;
  }

  /** Counts the request or throws HubSpot's 429; returns the headers HubSpot sends on this answer. */
  admit(lane: Lane, auth: AuthContext | undefined): Record<string, string> {
    if (lane === 'none' || !auth) return {};
    const now = this.clock.now();
    const countsDaily = auth.kind === 'private';
    const usedToday = this.usedToday(now);
    const daily = countsDaily ? this.dailyLimit() : undefined;
    if (lane === 'search') return this.admitSearch(now, daily, usedToday);

    const max = this.burstLimit(auth.kind === 'private' ? 'private' : 'oauth');
    const window = prune(this.burst, auth.appId, now - BURST_WINDOW_MS);
    const headers = (remaining: number, dailyRemaining: number) => ({
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(BURST_WINDOW_MS),
      'X-HubSpot-RateLimit-Max': String(max),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, remaining)),
      // Daily headers only for private apps: hubspot-api.md §3.2.
      ...(daily === undefined
        ? {}
        : {
            'X-HubSpot-RateLimit-Daily': String(daily),
            'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, dailyRemaining)),
            ...secondlyHeaders(max, window, now),
          }),
    });

    if (daily !== undefined && usedToday >= daily)
      throw rateLimited('DAILY', undefined, headers(max - window.length, 0));
    if (window.length >= max) {
      const group = `publicapi:${auth.kind === 'oauth' ? 'oauth' : 'private'}_app-api-calls-ten-secondly:${auth.appId}:${this.portalId}`;
      throw rateLimited('TEN_SECONDLY_ROLLING', group, headers(0, (daily ?? 0) - usedToday));
    }
    window.push(now);
    if (countsDaily) this.daily.count++;
    return headers(max - window.length, (daily ?? 0) - this.daily.count);
  }

  /** Search answers carry no rate-limit headers, not even on their 429s. */
  private admitSearch(now: number, daily: number | undefined, usedToday: number): Record<string, string> {
    while (this.searches.length > 0 && this.searches[0]! <= now - 1000) this.searches.shift();
    if (daily !== undefined && usedToday >= daily) throw rateLimited('DAILY');
    if (this.searches.length >= (this.overrides.searchPerSecond ?? SEARCH_REQUESTS_PER_SECOND)) {
      throw rateLimited('SECONDLY');
    }
    this.searches.push(now);
    if (daily !== undefined) this.daily.count++;
    return {};
  }

  /** The daily count resets at midnight in the portal's time zone. */
  private usedToday(now: number): number {
    const day = dayIn(this.timeZone, now);
    if (day !== this.daily.day) this.daily = { day, count: 0 };
    return this.daily.count;
  }

  dailyUsage(now = this.clock.now()): { day: string; count: number } {
    this.usedToday(now);
    return { ...this.daily };
  }

  /** Sets today's private-app usage, so tests reach the daily quota without sending it. */
  setDailyUsage(count: number, now = this.clock.now()): void {
    this.usedToday(now);
    this.daily.count = count;
  }

  /** Epoch ms of the next midnight in the portal's time zone. */
  nextDailyReset(now = this.clock.now()): number {
    const today = dayIn(this.timeZone, now);
    let t = now;
    // Step forward an hour at a time until the calendar day changes, then back to the exact minute.
    while (dayIn(this.timeZone, t) === today) t += 3_600_000;
    t -= t % 60_000;
    while (dayIn(this.timeZone, t - 60_000) !== today) t -= 60_000;
    return t;
  }

  reset(): void {
    this.burst.clear();
    this.searches.length = 0;
    this.daily = { day: '', count: 0 };
  }

  toJSON() {
    return { daily: this.daily };
  }

  load(state: { daily?: { day: string; count: number } }): void {
    if (state.daily) this.daily = { ...state.daily };
  }
}

const dayIn = (timeZone: string, at: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

function prune(map: Map<number, number[]>, key: number, cutoff: number): number[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  let drop = 0;
  while (drop < list.length && list[drop]! <= cutoff) drop++;
  if (drop > 0) list.splice(0, drop);
  return list;
}

/**
 * The deprecated per-second headers: HubSpot's usage guidelines
 * (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines) say they are still sent and
 * accurate but no longer enforced. Captured private-app answers carry them beside the daily headers, with the
 * secondly figure a tenth of the burst (`Max` 100 → `Secondly` 10, `Max` 190 → `Secondly` 19, in public recordings
 * of 2021-2026); none show them on OAuth answers, so the sandbox sends them to private apps only and never refuses
 * on them. Remaining counts the admitted requests of the last second (an answered one is already in the window).
 */
function secondlyHeaders(max: number, window: readonly number[], now: number): Record<string, string> {
  const perSecond = Math.floor(max / 10);
  const lastSecond = window.filter((at) => at > now - 1000).length;
  return {
    'X-HubSpot-RateLimit-Secondly': String(perSecond),
    'X-HubSpot-RateLimit-Secondly-Remaining': String(Math.max(0, perSecond - lastSecond)),
  };
}
