import { HubSpotClient } from '../../hubspot/client';
import type { Clock } from '../../hubspot/clock';
import { BURST_WINDOW_MS, burstLimit, PORTAL_TIERS, SEARCH_REQUESTS_PER_SECOND } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { startTestSandbox } from '../support/sandbox';
import { run, useBaseUrl } from '../support/zapier';

/**
 * Our own pacing never draws a 429: many searches and writes, past HubSpot's 5-per-second search limit and the
 * tier's 10-second burst, go through the real client to a sandbox on a real port, and the sandbox's request log
 * holds no 429. https://developers.hubspot.com/docs/api/crm/search ("limited to five requests per second"),
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines (burst per tier).
 */

/**
 * Time running `speed` times faster than the wall clock, shared by the sandbox and the client, so that a 10-second
 * window passes in one real second. Requests still travel over a real socket, and their latency is magnified as
 * much, which makes requests bunching at the sandbox likelier, not rarer.
 */
class FastClock implements Clock {
  private readonly base = Date.now();
  private readonly origin = performance.now();
  constructor(private readonly speed: number) {}
  now(): number {
    return Math.floor(this.base + (performance.now() - this.origin) * this.speed);
  }
  async sleep(ms: number): Promise<void> {
    const until = this.now() + ms;
    while (this.now() < until) {
      await new Promise((r) => setTimeout(r, Math.max(1, (until - this.now()) / this.speed)));
    }
  }
}

const SEARCH = 'POST /crm/v3/objects/:objectType/search';
const CREATE = 'POST /crm/v3/objects/:objectType';

describe.each(PORTAL_TIERS)('on a %s portal', (tier) => {
  it('paces searches and writes past both limits without a single 429', async () => {
    const clock = new FastClock(10);
    const t = await startTestSandbox({ tier, clock });
    try {
      useBaseUrl(t.url);
      const api = new HubSpotClient({ accessToken: t.token, clock, budgetMs: 10 * 60_000 });
      // More than one window's worth of each: the last ones can only go out once earlier ones have aged out.
      const writes = burstLimit(tier, 'private') + 20;
      const searches = 2 * SEARCH_REQUESTS_PER_SECOND + 2;
      const started = clock.now();
      await Promise.all([
        ...Array.from({ length: writes }, (_, i) =>
          api.request({
            method: 'POST',
            path: paths.objects.create('contacts'),
            json: { properties: { email: `pace-${i}@example.com` } },
          }),
        ),
        ...Array.from({ length: searches }, () =>
          api.request({
            method: 'POST',
            path: paths.objects.search('contacts'),
            json: { filterGroups: [], limit: 1 },
            lane: 'search',
            idempotent: true,
          }),
        ),
      ]);
      const log = t.sandbox.log.all();
      expect(log.filter((e) => e.status === 429)).toEqual([]);
      expect(t.sandbox.log.countsByEndpoint()).toEqual({ [CREATE]: writes, [SEARCH]: searches });
      expect(clock.now() - started).toBeGreaterThan(BURST_WINDOW_MS);
    } finally {
      await t.close();
    }
  });
});

describe('Zapier runs back to back on one portal', () => {
  it("share the portal's search pacing, so a string of search steps draws no 429", async () => {
    const t = await startTestSandbox();
    try {
      useBaseUrl(t.url);
      const authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
      const steps = 2 * SEARCH_REQUESTS_PER_SECOND;
      for (let i = 0; i < steps; i++) {
        await run('searches', 'find_contact', {
          authData,
          inputData: { search_property: 'firstname', search_value: 'Ann' },
        });
      }
      expect(t.sandbox.log.all().filter((e) => e.status === 429)).toEqual([]);
      expect(t.sandbox.log.countsByEndpoint()[SEARCH]).toBe(steps);
    } finally {
      await t.close();
    }
  });
});
