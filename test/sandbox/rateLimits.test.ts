import { type AppType, PORTAL_TIERS, type PortalTier, TIER_LIMITS } from '../../hubspot/limits';
import { createSandbox, ManualClock, type Sandbox } from '../../sandbox';
import { json } from '../../sandbox/http';

/**
 * Limits per portal tier and app type, driven in-process (no HTTP) so hundreds of calls stay fast.
 * Figures: https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */

const DETAILS = '/account-info/v3/details';
const SEARCH = '/test-only/search';

function portalWith(tier: PortalTier, clock = new ManualClock()) {
  const sandbox = createSandbox({ tier, clock });
  // A stand-in search endpoint: the limiter is what is under test, not search itself.
  sandbox.router.post(SEARCH, { lane: 'search' }, () => json(200, { total: 0, results: [] }));
  const privateToken = sandbox.portal.auth.createPrivateAppToken();
  const app = sandbox.portal.auth.registerOAuthApp();
  const oauthToken = sandbox.portal.auth.issueOAuthTokens(app, ['oauth']).accessToken;
  const tokens: Record<AppType, string> = { private: privateToken, oauth: oauthToken };
  return { sandbox, clock, tokens };
}

const call = async (sandbox: Sandbox, token: string, method = 'GET', url = DETAILS) => {
  const answer = await sandbox.handle({ method, url, headers: { authorization: `Bearer ${token}` } });
  const lower = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status: answer.status,
    headers: lower,
    body: answer.body ? JSON.parse(String(answer.body)) : undefined,
  };
};

describe('sandbox rate limits', () => {
  it.each(PORTAL_TIERS)('sends the %s tier burst and daily figures to a private app', async (tier) => {
    const { sandbox, tokens } = portalWith(tier);
    const res = await call(sandbox, tokens.private);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': String(TIER_LIMITS[tier].privateBurst),
      'x-hubspot-ratelimit-remaining': String(TIER_LIMITS[tier].privateBurst - 1),
      'x-hubspot-ratelimit-daily': String(TIER_LIMITS[tier].daily),
      'x-hubspot-ratelimit-daily-remaining': String(TIER_LIMITS[tier].daily - 1),
    });
  });

  it.each(['free', 'enterprise'] as const)(
    'gives an OAuth app 110 per 10 s and no daily headers on %s',
    async (tier) => {
      const { sandbox, clock, tokens } = portalWith(tier);
      for (let i = 0; i < 110; i++) {
        const ok = await call(sandbox, tokens.oauth);
        expect(ok.status).toBe(200);
        expect(ok.headers['x-hubspot-ratelimit-max']).toBe('110');
        expect(ok.headers['x-hubspot-ratelimit-daily']).toBeUndefined();
        expect(ok.headers['x-hubspot-ratelimit-daily-remaining']).toBeUndefined();
      }
      const refused = await call(sandbox, tokens.oauth);
      expect(refused.status).toBe(429);
      expect(refused.headers['x-hubspot-ratelimit-remaining']).toBe('0');
      expect(refused.headers['x-hubspot-ratelimit-daily']).toBeUndefined();
      expect(refused.body).toMatchObject({
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
        category: 'RATE_LIMITS',
        groupName: expect.stringMatching(/^publicapi:oauth_app-api-calls-ten-secondly:\d+:62515$/),
      });
      // The private app has its own burst, and OAuth calls did not use the portal's daily quota.
      expect((await call(sandbox, tokens.private)).headers['x-hubspot-ratelimit-daily-remaining']).toBe(
        String(TIER_LIMITS[tier].daily - 1),
      );
      clock.advance(10_000);
      expect((await call(sandbox, tokens.oauth)).status).toBe(200);
    },
  );

  it('refuses private apps with DAILY once the quota is used, with daily headers, until midnight in the portal zone', async () => {
    const { sandbox, clock, tokens } = portalWith('starter');
    const daily = TIER_LIMITS.starter.daily;
    sandbox.portal.limits.setDailyUsage(daily - 1);
    const last = await call(sandbox, tokens.private);
    expect(last.status).toBe(200);
    expect(last.headers['x-hubspot-ratelimit-daily-remaining']).toBe('0');

    const refused = await call(sandbox, tokens.private);
    expect(refused.status).toBe(429);
    expect(Object.keys(refused.body).sort()).toEqual([
      'category',
      'correlationId',
      'errorType',
      'message',
      'policyName',
      'status',
    ]);
    expect(refused.body).toMatchObject({
      status: 'error',
      message: 'You have reached your daily limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'DAILY',
      category: 'RATE_LIMITS',
    });
    expect(refused.headers).toMatchObject({
      'x-hubspot-ratelimit-daily': String(daily),
      'x-hubspot-ratelimit-daily-remaining': '0',
    });
    // OAuth apps have no daily quota.
    expect((await call(sandbox, tokens.oauth)).status).toBe(200);

    clock.set(sandbox.portal.limits.nextDailyReset());
    const nextDay = await call(sandbox, tokens.private);
    expect(nextDay.status).toBe(200);
    expect(nextDay.headers['x-hubspot-ratelimit-daily-remaining']).toBe(String(daily - 1));
  });

  it('counts the burst per app: two private apps each get the full window', async () => {
    const { sandbox, tokens } = portalWith('free');
    const other = sandbox.portal.auth.createPrivateAppToken({ appId: 3999 });
    for (let i = 0; i < 100; i++) expect((await call(sandbox, tokens.private)).status).toBe(200);
    expect((await call(sandbox, tokens.private)).status).toBe(429);
    const fresh = await call(sandbox, other);
    expect(fresh.status).toBe(200);
    expect(fresh.headers['x-hubspot-ratelimit-remaining']).toBe('99');
  });

  it('allows 5 searches per second per portal, answered without rate-limit headers', async () => {
    const { sandbox, clock, tokens } = portalWith('professional');
    for (const token of [tokens.private, tokens.oauth, tokens.private, tokens.oauth, tokens.private]) {
      const ok = await call(sandbox, token, 'POST', SEARCH);
      expect(ok.status).toBe(200);
      expect(Object.keys(ok.headers).filter((h) => h.startsWith('x-hubspot-ratelimit'))).toEqual([]);
    }
    const refused = await call(sandbox, tokens.oauth, 'POST', SEARCH);
    expect(refused.status).toBe(429);
    expect(Object.keys(refused.headers).filter((h) => h.startsWith('x-hubspot-ratelimit'))).toEqual([]);
    expect(refused.body).toMatchObject({
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
      category: 'RATE_LIMITS',
    });
    // Searches do not use the burst window.
    expect((await call(sandbox, tokens.private)).headers['x-hubspot-ratelimit-remaining']).toBe('189');
    clock.advance(1_000);
    expect((await call(sandbox, tokens.private, 'POST', SEARCH)).status).toBe(200);
  });

  it('puts the real CRM search endpoint on the search lane', async () => {
    const { sandbox, tokens } = portalWith('free');
    const search = () =>
      sandbox.handle({
        method: 'POST',
        url: '/crm/v3/objects/contacts/search',
        headers: { authorization: `Bearer ${tokens.private}`, 'content-type': 'application/json' },
        body: Buffer.from('{}'),
      });
    for (let i = 0; i < 5; i++) {
      const ok = await search();
      expect(ok.status).toBe(200);
      expect(Object.keys(ok.headers).filter((h) => /ratelimit/i.test(h))).toEqual([]);
    }
    expect((await search()).status).toBe(429);
  });

  it('applies overrides, so a demo can reach a limit in a few calls', async () => {
    const { sandbox, tokens } = portalWith('free');
    sandbox.portal.limits.overrides = { burst: 2, daily: 3 };
    expect((await call(sandbox, tokens.private)).headers['x-hubspot-ratelimit-max']).toBe('2');
    expect((await call(sandbox, tokens.private)).status).toBe(200);
    expect((await call(sandbox, tokens.private)).body).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING' });
  });
});
