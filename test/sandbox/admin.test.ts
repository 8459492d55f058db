import { createSandbox } from '../../sandbox';
import { SandboxAdmin, SandboxAdminError } from '../../sandbox/adminClient';
import { ManualClock } from '../../sandbox/clock';
import { serveSandbox } from '../../sandbox/serve';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

describe('sandbox admin API', () => {
  let t: TestSandbox;
  let admin: SandboxAdmin;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await startTestSandbox({ clock });
    admin = new SandboxAdmin(`${t.url}/`);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await admin.clearLog();
    await admin.clearFaults();
    await admin.resetLimits();
  });

  it('summarises the request log by endpoint and token, without admin calls or tokens', async () => {
    await t.call('GET', '/account-info/v3/details');
    await t.call('GET', '/account-info/2026-03/details');
    await admin.settings();
    const summary = await admin.log();
    expect(summary).toEqual({
      total: 2,
      byEndpoint: { 'GET /account-info/v3/details': 2 },
      byToken: { [Object.keys(summary.byToken)[0]!]: 2 },
    });
    expect(Object.keys(summary.byToken)[0]).toMatch(/^tok_[0-9a-f]{10}$/);
    const detailed = await admin.log({ entries: true });
    expect(detailed.entries.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/account-info/v3/details', 200],
      ['GET', '/account-info/2026-03/details', 200],
    ]);
    expect(JSON.stringify(detailed)).not.toContain(t.token);
    await admin.clearLog();
    expect((await admin.log()).total).toBe(0);
  });

  it('injects faults, one or many, and clears them; admin paths are never faulted', async () => {
    expect(
      await admin.addFaults([
        {
          method: 'GET',
          path: '/account-info',
          status: 502,
          body: { status: 'error', message: 'bad gateway' },
        },
        { pathPattern: '.*', times: 5, status: 500 },
      ]),
    ).toEqual({ pending: 6 });
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(502);
    expect((await admin.settings()).tier).toBe('free');
    await admin.clearFaults();
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(200);
    await expect(admin.addFaults({ status: 500 })).rejects.toMatchObject({ status: 400 });
  });

  it('drops the connection after handling a write (dropAfterHandling): the record exists, the answer is lost', async () => {
    const companies = () => [...t.sandbox.portal.records.table('0-2').values()].length;
    const before = companies();
    expect(
      await admin.addFaults({ method: 'POST', path: '/crm/v3/objects/companies', dropAfterHandling: true }),
    ).toEqual({ pending: 1 });
    await expect(
      t.call('POST', '/crm/v3/objects/companies', { properties: { name: 'Lost answer' } }),
    ).rejects.toThrow();
    expect(companies()).toBe(before + 1);
    expect((await admin.log({ entries: true })).entries.map((e) => [e.endpoint, e.status])).toEqual([
      ['POST /crm/v3/objects/:objectType', 201],
    ]);
    // The next request is answered as usual.
    const next = await t.call('POST', '/crm/v3/objects/companies', { properties: { name: 'Answered' } });
    expect(next.status).toBe(201);
    expect(companies()).toBe(before + 2);
    await expect(
      admin.addFaults({ path: '/crm', dropAfterHandling: true, status: 500 }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('creates private-app tokens with the given scopes', async () => {
    const { token } = await admin.createToken({ scopes: ['oauth'] });
    const res = await fetch(`${t.url}/account-info/v3/details`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(t.sandbox.portal.auth.tokens.get(token)?.scopes).toEqual(['oauth']);
    await expect(admin.createToken({ scopes: 'oauth' as unknown as string[] })).rejects.toBeInstanceOf(
      SandboxAdminError,
    );
  });

  it('registers OAuth apps that the token endpoint accepts', async () => {
    const app = await admin.registerOAuthApp();
    expect(app).toEqual({
      clientId: expect.any(String),
      clientSecret: expect.any(String),
      appId: expect.any(Number),
    });
    const authorize = await fetch(
      `${t.url}/oauth/authorize?client_id=${app.clientId}&redirect_uri=https://a.test/cb&scope=oauth`,
      { redirect: 'manual' },
    );
    expect(authorize.status).toBe(302);
    await expect(admin.registerOAuthApp({ clientId: app.clientId })).rejects.toMatchObject({ status: 400 });
  });

  it('changes tier, index lag and limits; a bad field changes nothing', async () => {
    expect(await admin.updateSettings({ tier: 'enterprise', searchIndexLagMs: 1500 })).toEqual({
      tier: 'enterprise',
      searchIndexLagMs: 1500,
      rateLimits: { enabled: true },
    });
    expect((await t.call('GET', '/account-info/v3/details')).headers.get('x-hubspot-ratelimit-max')).toBe(
      '190',
    );

    await admin.updateSettings({ rateLimits: { burst: 1 } });
    await admin.resetLimits();
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(200);
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(429);
    await admin.resetLimits();
    expect((await t.call('GET', '/account-info/v3/details')).status).toBe(200);

    await admin.updateSettings({ rateLimits: false });
    expect(
      (await t.call('GET', '/account-info/v3/details')).headers.get('x-hubspot-ratelimit-max'),
    ).toBeNull();

    await expect(
      admin.updateSettings({ tier: 'platinum' as never, searchIndexLagMs: 5 }),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(admin.updateSettings({ rateLimits: { burst: -1 } })).rejects.toMatchObject({ status: 400 });
    expect(await admin.updateSettings({ tier: 'free', rateLimits: { enabled: true } })).toEqual({
      tier: 'free',
      searchIndexLagMs: 1500,
      rateLimits: { enabled: true },
    });
  });

  it('advances a ManualClock, expiring OAuth tokens', async () => {
    const app = t.sandbox.portal.auth.registerOAuthApp();
    const { accessToken } = t.sandbox.portal.auth.issueOAuthTokens(app, ['oauth']);
    const before = clock.now();
    expect(await admin.advanceClock(1_800_000)).toEqual({
      epochMs: before + 1_800_000,
      now: new Date(before + 1_800_000).toISOString(),
    });
    const res = await fetch(`${t.url}/account-info/v3/details`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(401);
    await expect(admin.advanceClock(-1)).rejects.toMatchObject({ status: 400 });
  });

  it('refuses to advance the system clock', async () => {
    const server = await serveSandbox(createSandbox());
    try {
      await expect(new SandboxAdmin(server.url).advanceClock(1000)).rejects.toMatchObject({ status: 400 });
    } finally {
      await server.close();
    }
  });

  it('never answers an existing token', async () => {
    const existing = [...t.sandbox.portal.auth.tokens.keys()];
    const answers = JSON.stringify([
      await admin.log({ entries: true }),
      await admin.settings(),
      await admin.registerOAuthApp(),
      await admin.createToken(),
    ]);
    for (const token of existing) expect(answers).not.toContain(token);
  });
});
