import { RateLimitedError } from '../../hubspot/errors';
import { BurstWindow, readRateLimitHeaders } from '../../hubspot/rateWindow';
import { Throttle } from '../../hubspot/throttle';
import { FakeClock } from './fakeClock';

const headers = (max: number, remaining: number, interval = 10_000) => ({
  'x-hubspot-ratelimit-max': String(max),
  'x-hubspot-ratelimit-remaining': String(remaining),
  'x-hubspot-ratelimit-interval-milliseconds': String(interval),
});

/** Runs `n` requests on a lane and returns the fake time at which each one started. */
async function startTimes(throttle: Throttle, clock: FakeClock, lane: 'burst' | 'search', n: number) {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: n }, () =>
      throttle.schedule(lane, async () => {
        times.push(clock.now());
      }),
    ),
  );
  return times.map((t) => t - times[0]!);
}

describe('burst lane', () => {
  test('with plenty left in the window, requests go out at once', async () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    throttle.observe('burst', headers(190, 150));
    expect(await startTimes(throttle, clock, 'burst', 5)).toEqual([0, 0, 0, 0, 0]);
  });

  test('when Remaining is low, the rest is spread over the window instead of burst', async () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock, maxConcurrent: { burst: 1 } });
    throttle.observe('burst', headers(100, 5));
    const times = await startTimes(throttle, clock, 'burst', 5);
    // 5 left, 10 s to the window's end: 2 s apart, never before the window frees.
    expect(times).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(clock.sleeps[0]).toBe(2000);
  });

  test('with Remaining at 0, the next request waits for the window to pass', () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    throttle.observe('burst', headers(110, 0));
    clock.advance(3000);
    expect(throttle.delayBeforeNext('burst')).toBe(7000);
  });

  test('before any headers, the default limit from limits.ts bounds a burst', () => {
    const window = new BurstWindow({ max: 10, reserveFraction: 0.1 });
    for (let i = 0; i < 9; i++) {
      expect(window.delayBeforeNext(0)).toBe(0);
      window.recordSend(0);
    }
    // One left (the reserve): spread over the 10 s window.
    expect(window.delayBeforeNext(0)).toBe(10_000);
  });

  test('a larger Max from headers replaces the default', () => {
    const window = new BurstWindow({ max: 10 });
    window.observe({ max: 190, remaining: 180, intervalMs: 10_000 }, 0);
    for (let i = 0; i < 30; i++) window.recordSend(1);
    expect(window.delayBeforeNext(2)).toBe(0);
  });

  test('a pacing wait past the deadline throws RateLimitedError with the wait', async () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    throttle.observe('burst', headers(100, 0));
    const run = throttle.schedule('burst', async () => 'sent', { deadline: clock.now() + 5000 });
    await expect(run).rejects.toBeInstanceOf(RateLimitedError);
    await expect(run).rejects.toMatchObject({ retryAfterSeconds: 10 });
  });
});

describe('search lane', () => {
  test('search requests are 220 ms apart (5 per second with a margin) and ignore burst headers', async () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    throttle.observe('burst', headers(100, 0));
    expect(await startTimes(throttle, clock, 'search', 6)).toEqual([0, 220, 440, 660, 880, 1100]);
  });

  test('a 429 holds the lane for the wait it asks', () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    expect(throttle.noteRateLimited('search', 1000)).toBe(1000);
    clock.advance(400);
    expect(throttle.delayBeforeNext('search')).toBe(600);
    expect(throttle.delayBeforeNext('burst')).toBe(0);
  });
});

test('rate-limit headers are read defensively', () => {
  expect(readRateLimitHeaders({})).toBeUndefined();
  expect(
    readRateLimitHeaders({ 'x-hubspot-ratelimit-remaining': 'abc', 'x-hubspot-ratelimit-max': '190' }),
  ).toEqual({
    max: 190,
    remaining: undefined,
    intervalMs: undefined,
    daily: undefined,
    dailyRemaining: undefined,
  });
});
