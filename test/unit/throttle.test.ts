import { RateLimitedError } from '../../hubspot/errors';
import { BurstWindow, readRateLimitHeaders } from '../../hubspot/rateWindow';
import { portalThrottle, Throttle } from '../../hubspot/throttle';
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
    // 5 left, 11 s to the window's end (10 s and the 10% margin): 2.2 s apart, never before the window frees.
    expect(times).toEqual([0, 2200, 4400, 6600, 8800]);
    expect(clock.sleeps[0]).toBe(2200);
  });

  test('with Remaining at 0, the next request waits for the window to pass', () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    throttle.observe('burst', headers(110, 0));
    clock.advance(3000);
    // Everything HubSpot counted had arrived by then, so it has all left the window 10 s (+10%) later.
    expect(throttle.delayBeforeNext('burst')).toBe(8000);
  });

  test('before any headers, the default limit from limits.ts bounds a burst', () => {
    const window = new BurstWindow({ max: 10, reserveFraction: 0.1 });
    for (let i = 0; i < 9; i++) {
      expect(window.delayBeforeNext(0)).toBe(0);
      window.begin(0);
    }
    // One left (the reserve): spread over the window (10 s and the margin).
    expect(window.delayBeforeNext(0)).toBe(11_000);
    window.begin(11_000);
    // All ten still in flight: only an answer can make room.
    expect(window.delayBeforeNext(20_000)).toBe(Number.POSITIVE_INFINITY);
  });

  test('an answer that overtook earlier requests does not give back the room they used', () => {
    const window = new BurstWindow({ max: 100 });
    for (let i = 0; i < 5; i++) window.begin(0);
    const probe = window.begin(1);
    // HubSpot counted the probe before the five still in flight: its Remaining does not include them.
    window.finish(probe, 50, { max: 100, remaining: 3, intervalMs: 10_000 });
    expect(window.delayBeforeNext(50)).toBe(11_000);
  });

  test('a larger Max from headers replaces the default', () => {
    const window = new BurstWindow({ max: 10 });
    window.observe({ max: 190, remaining: 180, intervalMs: 10_000 }, 0);
    for (let i = 0; i < 30; i++) window.begin(1);
    expect(window.delayBeforeNext(2)).toBe(0);
  });

  test('a pacing wait past the deadline throws RateLimitedError with the wait', async () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    throttle.observe('burst', headers(100, 0));
    const run = throttle.schedule('burst', async () => 'sent', { deadline: clock.now() + 5000 });
    await expect(run).rejects.toBeInstanceOf(RateLimitedError);
    await expect(run).rejects.toMatchObject({ retryAfterSeconds: 11 });
  });
});

describe('search lane', () => {
  test('search requests are 220 ms apart (5 per second with a margin) and ignore burst headers', async () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock });
    throttle.observe('burst', headers(100, 0));
    expect(await startTimes(throttle, clock, 'search', 6)).toEqual([0, 220, 440, 660, 880, 1100]);
  });

  test('a search counts from its send until a second (+10%) after its answer, however late that is', async () => {
    const clock = new FakeClock();
    const throttle = new Throttle({ clock, maxConcurrent: { search: 10 } });
    const answers: Array<() => void> = [];
    const slow = Array.from({ length: 5 }, () =>
      throttle.schedule('search', () => new Promise<void>((resolve) => answers.push(resolve))),
    );
    let sixthAt: number | undefined;
    const sixth = throttle.schedule('search', async () => {
      sixthAt = clock.now();
    });
    while (answers.length < 5) await new Promise((r) => setImmediate(r));
    // The five may reach HubSpot as late as their answers: nothing more goes out meanwhile.
    clock.advance(3000);
    expect(sixthAt).toBeUndefined();
    answers.shift()!();
    await slow[0];
    const answeredAt = clock.now();
    await sixth;
    expect(sixthAt).toBe(answeredAt + 1100);
    for (const answer of answers) answer();
    await Promise.all(slow);
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

test('runs on one portal share one throttle; other portals have their own', () => {
  expect(portalThrottle('62515')).toBe(portalThrottle('62515'));
  expect(portalThrottle('62515')).not.toBe(portalThrottle('99'));
});
