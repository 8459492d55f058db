import { Client } from '@hubspot/api-client';
import { ManualClock } from '../../sandbox';
import type { OAuthApp } from '../../sandbox/state/auth';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

const REDIRECT_URI = 'https://connector.example.test/oauth/callback?from=test';

describe('sandbox OAuth (v1, and v3 = 2026-03)', () => {
  let t: TestSandbox;
  let app: OAuthApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await startTestSandbox({ clock });
    app = t.sandbox.portal.auth.registerOAuthApp();
  });
  afterAll(() => t.close());

  const authorize = async (query: Record<string, string>) =>
    fetch(`${t.url}/oauth/authorize?${new URLSearchParams(query)}`, { redirect: 'manual' });

  async function codeFor(scope = 'crm.objects.contacts.read oauth'): Promise<string> {
    const res = await authorize({ client_id: app.clientId, redirect_uri: REDIRECT_URI, scope, state: 'xyz' });
    return new URL(res.headers.get('location')!).searchParams.get('code')!;
  }

  const tokenCall = (form: Record<string, string>, path = '/oauth/v1/token') =>
    fetch(t.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(form).toString(),
    });

  const exchange = (code: string, overrides: Record<string, string> = {}) =>
    tokenCall({
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: REDIRECT_URI,
      code,
      ...overrides,
    });

  const refresh = (refreshToken: string, overrides: Record<string, string> = {}) =>
    tokenCall({
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      refresh_token: refreshToken,
      ...overrides,
    });

  const apiCall = (accessToken: string) =>
    fetch(`${t.url}/account-info/v3/details`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('runs the whole flow: authorize, exchange, call, expire after 30 minutes, refresh', async () => {
    const redirect = await authorize({
      client_id: app.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'crm.objects.contacts.read oauth',
      optional_scope: 'crm.objects.deals.read not.a.scope',
      state: 'state-123',
    });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://connector.example.test/oauth/callback');
    expect(location.searchParams.get('from')).toBe('test');
    expect(location.searchParams.get('state')).toBe('state-123');
    const code = location.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const exchanged = await exchange(code);
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({
      expires_in: 1800,
      token_type: 'bearer',
      hub_id: 62515,
      token_use: 'access_token',
      scopes: ['crm.objects.contacts.read', 'oauth', 'crm.objects.deals.read'],
    });
    const accessToken = tokens.access_token as string;
    const refreshToken = tokens.refresh_token as string;

    expect((await apiCall(accessToken)).status).toBe(200);

    const info = await fetch(`${t.url}/oauth/v1/access-tokens/${accessToken}`);
    expect(info.status).toBe(200);
    expect(await info.json()).toEqual({
      token: accessToken,
      user: 'sandbox.admin@example.com',
      hub_domain: t.sandbox.portal.info.domain,
      scopes: ['crm.objects.contacts.read', 'oauth', 'crm.objects.deals.read'],
      hub_id: 62515,
      app_id: app.appId,
      expires_in: 1800,
      user_id: 2001,
      token_type: 'access',
      is_private_distribution: false,
      signed_access_token: expect.objectContaining({ appId: app.appId, hubId: 62515, userId: 2001 }),
    });

    clock.advance(30 * 60_000);
    const expired = await apiCall(accessToken);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({
      status: 'error',
      category: 'EXPIRED_AUTHENTICATION',
      message: 'The OAuth token used to make this call expired 1 second(s) ago.',
    });
    expect((await fetch(`${t.url}/oauth/v1/access-tokens/${accessToken}`)).status).toBe(401);

    const refreshed = await refresh(refreshToken);
    expect(refreshed.status).toBe(200);
    const renewed = (await refreshed.json()) as Record<string, unknown>;
    expect(renewed.refresh_token).toBe(refreshToken);
    expect(renewed.access_token).not.toBe(accessToken);
    expect((await apiCall(renewed.access_token as string)).status).toBe(200);
  });

  it('serves the token endpoint on the 2026-03 path too', async () => {
    const res = await tokenCall(
      {
        grant_type: 'authorization_code',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: REDIRECT_URI,
        code: await codeFor(),
      },
      '/oauth/2026-03/token',
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong client secret', { client_secret: 'wrong' }, 'BAD_CLIENT_SECRET', 'invalid_client'],
    ['an unknown client id', { client_id: 'nobody' }, 'BAD_CLIENT_ID', 'invalid_client'],
    ['an unknown code', { code: 'sandbox-code-made-up' }, 'BAD_AUTH_CODE', 'invalid_grant'],
    [
      'another redirect uri',
      { redirect_uri: 'https://elsewhere.test/cb' },
      'BAD_REDIRECT_URI',
      'invalid_grant',
    ],
    ['an unknown grant type', { grant_type: 'password' }, 'BAD_GRANT_TYPE', 'unsupported_grant_type'],
  ])('refuses %s with HubSpot OAuth 400 body', async (_label, overrides, status, error) => {
    const res = await exchange(await codeFor(), overrides);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status, error });
    expect(typeof body.message).toBe('string');
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
  });

  it('takes a code only once', async () => {
    const code = await codeFor();
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(await again.json()).toMatchObject({
      status: 'BAD_AUTH_CODE',
      message: 'missing or unknown auth code',
    });
  });

  it('refuses a bad refresh token', async () => {
    const res = await refresh('sandbox-refresh-made-up');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      status: 'BAD_REFRESH_TOKEN',
      message: 'missing or invalid refresh token',
      error: 'invalid_grant',
    });
  });

  it('answers refresh-token info, and deleting it stops refreshes but not issued access tokens', async () => {
    const tokens = (await (await exchange(await codeFor())).json()) as Record<string, string>;
    const info = await fetch(`${t.url}/oauth/v1/refresh-tokens/${tokens.refresh_token}`);
    expect(await info.json()).toEqual({
      token: tokens.refresh_token,
      user: 'sandbox.admin@example.com',
      hub_domain: t.sandbox.portal.info.domain,
      scopes: ['crm.objects.contacts.read', 'oauth'],
      hub_id: 62515,
      client_id: app.clientId,
      user_id: 2001,
      token_type: 'refresh',
    });
    const deleted = await fetch(`${t.url}/oauth/v1/refresh-tokens/${tokens.refresh_token}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(await (await refresh(tokens.refresh_token!)).json()).toMatchObject({
      status: 'BAD_REFRESH_TOKEN',
    });
    expect((await fetch(`${t.url}/oauth/v1/refresh-tokens/${tokens.refresh_token}`)).status).toBe(404);
    expect((await apiCall(tokens.access_token!)).status).toBe(200);
  });

  it('refuses an unknown client id or a relative redirect uri at authorization', async () => {
    const unknown = await authorize({ client_id: 'nobody', redirect_uri: REDIRECT_URI, scope: 'oauth' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const relative = await authorize({ client_id: app.clientId, redirect_uri: '/cb', scope: 'oauth' });
    expect(relative.status).toBe(400);
  });

  it('refuses a scope listed both as required and as optional, naming it', async () => {
    const both = await authorize({
      client_id: app.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'oauth crm.objects.companies.write',
      optional_scope: 'crm.objects.deals.read crm.objects.companies.write',
    });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { message: string }).message).toBe(
      'Scopes listed in both scope and optional_scope: crm.objects.companies.write. A scope is either required or optional.',
    );
    const unknown = await authorize({
      client_id: app.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'oauth not.a.scope',
    });
    expect(unknown.status).toBe(400);
  });

  it("holds an authorize URL to the app's scope settings (required, conditionally required, optional)", async () => {
    const configured = t.sandbox.portal.auth.registerOAuthApp({
      scopeSettings: {
        required: ['oauth', 'crm.objects.contacts.read'],
        conditionallyRequired: ['crm.objects.companies.write'],
        optional: ['crm.objects.deals.read'],
      },
    });
    const ask = (scope: string, optional_scope?: string) =>
      authorize({
        client_id: configured.clientId,
        redirect_uri: REDIRECT_URI,
        scope,
        ...(optional_scope ? { optional_scope } : {}),
      });
    const messageOf = async (res: Response) => ((await res.json()) as { message: string }).message;

    expect((await ask('oauth crm.objects.contacts.read', 'crm.objects.deals.read')).status).toBe(302);
    expect((await ask('oauth crm.objects.contacts.read crm.objects.companies.write')).status).toBe(302);
    const missing = await ask('oauth');
    expect(missing.status).toBe(400);
    expect(await messageOf(missing)).toContain('crm.objects.contacts.read');
    // An optional scope may only be asked in optional_scope, a conditionally required one only in scope.
    const optionalAsRequired = await ask('oauth crm.objects.contacts.read crm.objects.deals.read');
    expect(optionalAsRequired.status).toBe(400);
    expect(await messageOf(optionalAsRequired)).toContain('crm.objects.deals.read');
    const requiredAsOptional = await ask('oauth crm.objects.contacts.read', 'crm.objects.companies.write');
    expect(requiredAsOptional.status).toBe(400);
    expect(await messageOf(requiredAsOptional)).toContain('crm.objects.companies.write');
    expect((await ask('oauth crm.objects.contacts.read', 'files')).status).toBe(400);
  });

  it('answers 404 for an unknown access token', async () => {
    expect((await fetch(`${t.url}/oauth/v1/access-tokens/nothing-like-it`)).status).toBe(404);
  });

  it("works with @hubspot/api-client's tokensApi", async () => {
    const client = new Client({ basePath: t.url });
    const created = await client.oauth.tokensApi.create(
      'authorization_code',
      await codeFor(),
      REDIRECT_URI,
      app.clientId,
      app.clientSecret,
    );
    expect(created.expiresIn).toBe(1800);
    expect(created.tokenType).toBe('bearer');
    expect(created.accessToken).toMatch(/^sandbox-access-/);
    expect(created.refreshToken).toMatch(/^sandbox-refresh-/);

    const renewed = await client.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      app.clientId,
      app.clientSecret,
      created.refreshToken,
    );
    expect(renewed.refreshToken).toBe(created.refreshToken);

    const info = await client.oauth.accessTokensApi.get(renewed.accessToken);
    expect(info).toMatchObject({ hubId: 62515, appId: app.appId, tokenType: 'access' });

    await expect(
      client.oauth.tokensApi.create('refresh_token', undefined, undefined, app.clientId, 'wrong', 'x'),
    ).rejects.toMatchObject({ code: 400, body: { status: 'BAD_CLIENT_SECRET' } });
  });

  describe('v3 / 2026-03: token, introspect and revoke with every parameter in the body', () => {
    const form = (path: string, fields: Record<string, string>, query = '') =>
      fetch(`${t.url}${path}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const client = () => ({ client_id: app.clientId, client_secret: app.clientSecret });
    async function tokens(): Promise<{ access_token: string; refresh_token: string }> {
      const res = await form('/oauth/v3/token', {
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
        code: await codeFor(),
        ...client(),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { access_token: string; refresh_token: string };
    }

    it('refuses a secret in the query string, naming it, with the RFC 6749 error', async () => {
      const res = await form(
        '/oauth/v3/token',
        { grant_type: 'refresh_token', refresh_token: 'x', client_id: app.clientId },
        `?client_secret=${app.clientSecret}`,
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: 'invalid_request',
        message: 'client_secret must be sent in the form body, not in the query string',
      });
    });

    it('introspects an access and a refresh token, and answers inactive once expired, for another app or unknown', async () => {
      const { access_token, refresh_token } = await tokens();
      const access = await form('/oauth/2026-03/token/introspect', { token: access_token, ...client() });
      expect(access.status).toBe(200);
      const body = (await access.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        active: true,
        token_use: 'access_token',
        hub_id: 62515,
        app_id: app.appId,
        client_id: app.clientId,
        user: 'sandbox.admin@example.com',
        hub_domain: t.sandbox.portal.info.domain,
        expires_in: 1800,
      });
      expect(body.scopes).toEqual(['crm.objects.contacts.read', 'oauth']);
      expect(JSON.stringify(body)).not.toContain(access_token);
      const refresh = await form('/oauth/v3/token/introspect', {
        token: refresh_token,
        token_type_hint: 'refresh_token',
        ...client(),
      });
      expect(await refresh.json()).toMatchObject({ active: true, token_use: 'refresh_token' });

      const other = t.sandbox.portal.auth.registerOAuthApp();
      const foreign = await form('/oauth/v3/token/introspect', {
        token: access_token,
        client_id: other.clientId,
        client_secret: other.clientSecret,
      });
      expect(await foreign.json()).toEqual({ active: false });
      expect(
        await (await form('/oauth/v3/token/introspect', { token: 'made-up', ...client() })).json(),
      ).toEqual({
        active: false,
      });
      clock.advance(30 * 60_000);
      expect(
        await (await form('/oauth/v3/token/introspect', { token: access_token, ...client() })).json(),
      ).toEqual({
        active: false,
      });
      const badSecret = await form('/oauth/v3/token/introspect', {
        token: access_token,
        client_id: app.clientId,
        client_secret: 'wrong',
      });
      expect(badSecret.status).toBe(400);
      expect(await badSecret.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('revokes an access token at once and a refresh token for later refreshes, answering 200 either way', async () => {
      const { access_token, refresh_token } = await tokens();
      expect((await form('/oauth/v3/token/revoke', { token: access_token, ...client() })).status).toBe(200);
      expect((await apiCall(access_token)).status).toBe(401);
      expect((await form('/oauth/v3/token/revoke', { token: refresh_token, ...client() })).status).toBe(200);
      const again = await form('/oauth/v3/token', {
        grant_type: 'refresh_token',
        refresh_token,
        ...client(),
      });
      expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
      expect((await form('/oauth/v3/token/revoke', { token: 'never-issued', ...client() })).status).toBe(200);
    });
  });
});
