import { ManualClock } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

describe('sandbox request pipeline', () => {
  let t: TestSandbox;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await startTestSandbox({ clock });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.sandbox.portal.limits.reset();
    t.sandbox.faults.reset();
    t.sandbox.log.clear();
  });

  it('answers account details with rate-limit headers for a private app', async () => {
    const res = await t.call('GET', '/account-info/v3/details');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ portalId: 62515, timeZone: 'Europe/Paris' });
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(res.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
    expect(res.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(res.headers.get('x-hubspot-ratelimit-daily')).toBe('250000');
    expect(res.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('249999');
  });

  it('serves the date-versioned alias of a path', async () => {
    const res = await t.call('GET', '/account-info/2026-03/details');
    expect(res.status).toBe(200);
    expect(t.sandbox.log.countsByEndpoint()).toEqual({ 'GET /account-info/v3/details': 1 });
  });

  it('refuses unknown tokens with INVALID_AUTHENTICATION', async () => {
    const res = await fetch(`${t.url}/account-info/v3/details`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  it('answers unknown paths with a 404 in HubSpot error shape', async () => {
    const res = await t.call('GET', '/crm/v9/nothing');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { correlationId?: unknown };
    expect(body).toMatchObject({ status: 'error' });
    expect(typeof body.correlationId).toBe('string');
  });

  it('enforces the ten-second burst and lets it roll', async () => {
    for (let i = 0; i < 100; i++) expect((await t.call('GET', '/account-info/v3/details')).status).toBe(200);
    const refused = await t.call('GET', '/account-info/v3/details');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      policyName: 'TEN_SECONDLY_ROLLING',
      errorType: 'RATE_LIMIT',
      category: 'RATE_LIMITS',
    });
    clock.advance(10_001);
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(200);
  });

  it('injects a fault for the next matching request only', async () => {
    t.sandbox.faults.add({
      method: 'GET',
      path: '/account-info',
      status: 503,
      body: { status: 'error', message: 'x' },
    });
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(503);
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(200);
  });

  it('drops the connection when told to', async () => {
    t.sandbox.faults.add({ path: '/account-info', drop: true });
    await expect(t.call('GET', '/account-info/v3/details')).rejects.toThrow();
  });

  it('logs requests per endpoint and per token fingerprint, never the token', async () => {
    await t.call('GET', '/account-info/v3/details');
    const summary = t.sandbox.log.summary();
    expect(summary.total).toBe(1);
    expect(JSON.stringify(summary)).not.toContain(t.token);
    expect(Object.values(summary.byToken)).toEqual([1]);
  });
});
