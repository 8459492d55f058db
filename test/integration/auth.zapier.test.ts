import { ManualClock } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, run, testApp, useBaseUrl } from '../support/zapier';

/** The Zapier connection, end to end on the sandbox: authorize, token exchange, test, label, expiry and refresh. */
describe('Zapier OAuth connection against the sandbox', () => {
  let t: TestSandbox;
  const clock = new ManualClock(Date.now());
  const redirectUri = 'https://zapier.example/dashboard/auth/oauth/return/App123CLIAPI/';
  const auth = testApp.authentication as unknown as {
    oauth2Config: { authorizeUrl: unknown; getAccessToken: unknown; refreshAccessToken: unknown };
    test: unknown;
    connectionLabel: string;
  };
  const call = <T>(fn: unknown, bundle: object) => appTester(fn as never, bundle as never) as Promise<T>;

  beforeAll(async () => {
    t = await startTestSandbox({ clock });
    useBaseUrl(t.url);
    const app = t.sandbox.portal.auth.registerOAuthApp();
    process.env.HUBSPOT_CLIENT_ID = app.clientId;
    process.env.HUBSPOT_CLIENT_SECRET = app.clientSecret;
  });
  afterAll(async () => {
    delete process.env.HUBSPOT_CLIENT_ID;
    delete process.env.HUBSPOT_CLIENT_SECRET;
    await t.close();
  });

  async function connect(): Promise<Record<string, string>> {
    const url = await call<string>(auth.oauth2Config.authorizeUrl, {
      inputData: { redirect_uri: redirectUri, state: 'state-123' },
    });
    expect(new URL(url).searchParams.get('scope')).toContain('crm.objects.contacts.write');
    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('state-123');
    return call<Record<string, string>>(auth.oauth2Config.getAccessToken, {
      inputData: { code: back.searchParams.get('code'), redirect_uri: redirectUri },
    });
  }

  it('connects, labels the connection with the portal and user, and never echoes the token', async () => {
    const authData = await connect();
    expect(authData).toMatchObject({ hub_id: '62515', expires_in: 1800 });
    const info = await call<Record<string, unknown>>(auth.test, { authData });
    expect(info.hub_domain).toBe(t.sandbox.portal.info.domain);
    expect(JSON.stringify(info)).not.toContain(authData.access_token!);
    expect(auth.connectionLabel).toBe('{{hub_domain}} ({{user}})');
  });

  it('asks Zapier to refresh when the access token expires, and works again after the refresh', async () => {
    const authData = await connect();
    await run('creates', 'create_contact', { authData, inputData: { email: 'before@example.com' } });
    clock.advance(31 * 60_000);
    const expired = run('creates', 'create_contact', { authData, inputData: { email: 'after@example.com' } });
    await expect(expired).rejects.toMatchObject({ name: 'RefreshAuthError' });
    const refreshed = await call<Record<string, string>>(auth.oauth2Config.refreshAccessToken, { authData });
    expect(refreshed.access_token).not.toBe(authData.access_token);
    const created = (await run('creates', 'create_contact', {
      authData: { ...authData, ...refreshed },
      inputData: { email: 'after@example.com' },
    })) as { id: string };
    expect(created.id).toMatch(/^\d+$/);
  });

  it('reads the identity through the v3 introspection endpoint and never the deprecated v1 paths', async () => {
    t.sandbox.log.clear();
    const authData = await connect();
    await call(auth.test, { authData });
    const endpoints = Object.keys(t.sandbox.log.summary().byEndpoint);
    expect(endpoints).toEqual(
      expect.arrayContaining(['POST /oauth/v3/token', 'POST /oauth/v3/token/introspect']),
    );
    expect(endpoints.filter((e) => e.includes('/oauth/v1/'))).toEqual([]);
  });

  it('asks for a refresh when the token was revoked, and for a reconnect when the refresh token was', async () => {
    const authData = await connect();
    const revoke = (token: string) =>
      fetch(`${t.url}/oauth/2026-03/token/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          token,
          client_id: process.env.HUBSPOT_CLIENT_ID!,
          client_secret: process.env.HUBSPOT_CLIENT_SECRET!,
        }),
      });
    expect((await revoke(authData.access_token!)).status).toBe(200);
    await expect(call(auth.test, { authData })).rejects.toMatchObject({ name: 'RefreshAuthError' });
    expect((await revoke(authData.refresh_token!)).status).toBe(200);
    const refresh = call(auth.oauth2Config.refreshAccessToken, { authData });
    await expect(refresh).rejects.toMatchObject({ name: 'ExpiredAuthError' });
    await expect(refresh).rejects.toThrow(/Reconnect your HubSpot account/);
  });

  it('refuses a bad client secret with a clear error', async () => {
    const secret = process.env.HUBSPOT_CLIENT_SECRET;
    process.env.HUBSPOT_CLIENT_SECRET = 'wrong-secret';
    try {
      await expect(
        call(auth.oauth2Config.refreshAccessToken, { authData: { refresh_token: 'whatever' } }),
      ).rejects.toThrow(/client/i);
    } finally {
      process.env.HUBSPOT_CLIENT_SECRET = secret;
    }
  });

  it("treats a 401 invalid_client on refresh as the publisher's settings, not as a token to refresh", async () => {
    t.sandbox.faults.add({
      method: 'POST',
      path: '/oauth/v3/token',
      status: 401,
      body: { error: 'invalid_client', error_description: 'missing or invalid client id' },
    });
    const refresh = call(auth.oauth2Config.refreshAccessToken, { authData: { refresh_token: 'whatever' } });
    await expect(refresh).rejects.not.toMatchObject({ name: 'RefreshAuthError' });
    await expect(refresh).rejects.toThrow(/client id or secret.*HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET/);
  });
});
