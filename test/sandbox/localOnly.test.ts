import { type IncomingHttpHeaders, request } from 'node:http';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * The admin API (`/__sandbox/…`) and the developer routes (webhooks management) answer only this machine: a loopback
 * Host, no foreign Origin, and JSON bodies, so neither a DNS-rebinding page nor a cross-site form can mint tokens,
 * register OAuth apps or point webhooks elsewhere. Requests go through `node:http`, which, unlike fetch, sends any Host.
 */
describe('sandbox admin and developer routes: local callers only', () => {
  let t: TestSandbox;
  let port: number;
  let appId: number;

  beforeAll(async () => {
    t = await startTestSandbox({ rateLimits: false });
    port = t.server.port;
    appId = t.sandbox.portal.auth.registerOAuthApp().appId;
  });
  afterAll(() => t.close());

  interface Answer {
    status: number;
    headers: IncomingHttpHeaders;
    body: { message?: string; category?: string; [key: string]: unknown } | undefined;
  }

  /** One request with exactly these headers; Host defaults to the loopback address the sandbox listens on. */
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: text ? JSON.parse(text) : undefined,
            });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const json = { 'content-type': 'application/json' };
  const developerPath = () =>
    `/webhooks/v3/${appId}/settings?hapikey=${t.sandbox.portal.auth.developerApiKey}`;
  const settingsBody = JSON.stringify({
    targetUrl: 'https://outside.test/hook',
    throttling: { maxConcurrentRequests: 10 },
  });

  it.each([
    ['POST', '/__sandbox/tokens', '{}'],
    ['POST', '/__sandbox/oauth-apps', '{}'],
    ['GET', '/__sandbox/log', undefined],
    ['PUT', '/__sandbox/settings', '{"tier":"enterprise"}'],
  ])(
    'refuses %s %s for a foreign Host with 403, naming the rule, before doing anything',
    async (method, path, body) => {
      const tokens = t.sandbox.portal.auth.tokens.size;
      const apps = t.sandbox.portal.auth.oauthApps.length;
      const answer = await send(method, path, { ...json, host: `rebound.attacker.test:${port}` }, body);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 'error', category: 'LOCAL_ONLY' });
      expect(answer.body?.message).toContain('loopback host (127.0.0.0/8, localhost or [::1])');
      expect(answer.body?.message).toContain('rebound.attacker.test');
      expect(answer.body).not.toHaveProperty('token');
      expect(t.sandbox.portal.auth.tokens.size).toBe(tokens);
      expect(t.sandbox.portal.auth.oauthApps.length).toBe(apps);
      expect(t.sandbox.portal.info.tier).toBe('free');
    },
  );

  it('refuses the webhooks management API for a foreign Host, so no target URL points outside', async () => {
    const answer = await send(
      'PUT',
      developerPath(),
      { ...json, host: 'rebound.attacker.test' },
      settingsBody,
    );
    expect(answer.status).toBe(403);
    expect(answer.body?.category).toBe('LOCAL_ONLY');
    expect(t.sandbox.portal.webhooks.settingsOf(appId)).toBeUndefined();
  });

  it.each([
    ['text/plain', '{"clientId":"outside"}'],
    ['application/x-www-form-urlencoded', 'clientId=outside'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="clientId"\r\n\r\noutside\r\n--x--',
    ],
    ['', '{"clientId":"outside"}'],
  ])("refuses a '%s' body with 415 and registers no OAuth app", async (contentType, body) => {
    const apps = t.sandbox.portal.auth.oauthApps.length;
    const answer = await send(
      'POST',
      '/__sandbox/oauth-apps',
      contentType ? { 'content-type': contentType } : {},
      body,
    );
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ status: 'error', category: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(answer.body?.message).toContain('Content-Type must be application/json');
    expect(t.sandbox.portal.auth.oauthApps.length).toBe(apps);
    expect(t.sandbox.portal.auth.findOAuthApp('outside')).toBeUndefined();
  });

  it('refuses a text/plain body on the webhooks management API with 415', async () => {
    const answer = await send('PUT', developerPath(), { 'content-type': 'text/plain' }, settingsBody);
    expect(answer.status).toBe(415);
    expect(t.sandbox.portal.webhooks.settingsOf(appId)).toBeUndefined();
  });

  it('refuses a bodiless POST from a foreign Origin (a cross-site no-cors fetch) with 403', async () => {
    const tokens = t.sandbox.portal.auth.tokens.size;
    const answer = await send('POST', '/__sandbox/tokens', { origin: 'https://attacker.test' });
    expect(answer.status).toBe(403);
    expect(answer.body?.message).toContain('Origin');
    expect(t.sandbox.portal.auth.tokens.size).toBe(tokens);
  });

  it.each(['127.0.0.1:<port>', 'localhost:<port>', 'LOCALHOST', '127.8.9.10:<port>', '[::1]:<port>'])(
    'answers a JSON request addressed to the loopback host %s',
    async (hostPattern) => {
      const host = () => hostPattern.replace('<port>', String(port));
      const created = await send(
        'POST',
        '/__sandbox/tokens',
        { ...json, host: host(), origin: `http://localhost:${port}` },
        '{"scopes":["oauth"]}',
      );
      expect(created.status).toBe(201);
      expect(t.sandbox.portal.auth.tokens.get(created.body?.token as string)?.scopes).toEqual(['oauth']);
      expect((await send('GET', '/__sandbox/settings', { host: host() })).status).toBe(200);
    },
  );

  it('configures webhooks with JSON from loopback; charset parameters are fine', async () => {
    const answer = await send(
      'PUT',
      developerPath(),
      { 'content-type': 'application/json; charset=utf-8' },
      settingsBody,
    );
    expect(answer.status).toBe(200);
    expect(t.sandbox.portal.webhooks.settingsOf(appId)?.targetUrl).toBe('https://outside.test/hook');
  });

  it.each(['/__sandbox/tokens', `/webhooks/v3/1/settings`])(
    'grants no CORS preflight for %s',
    async (path) => {
      const answer = await send('OPTIONS', path, {
        origin: 'https://attacker.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    },
  );

  it('leaves HubSpot’s own routes as HubSpot serves them: form-encoded OAuth and any Host', async () => {
    const app = t.sandbox.portal.auth.registerOAuthApp();
    const { refreshToken } = t.sandbox.portal.auth.issueOAuthTokens(app, ['oauth']);
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      refresh_token: refreshToken,
    });
    const headers = { host: 'api.hubapi.test', origin: 'https://elsewhere.test' };
    const refreshed = await send(
      'POST',
      '/oauth/v3/token',
      { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      form.toString(),
    );
    expect(refreshed.status).toBe(200);
    const details = await send('GET', '/account-info/v3/details', {
      ...headers,
      authorization: `Bearer ${refreshed.body?.access_token}`,
    });
    expect(details.status).toBe(200);
  });
});
