import { createSandbox, ManualClock } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/** Fidelity points of the emulator checked against HubSpot's docs and captured answers (issue 12, item 5). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sandbox fidelity: answers over a real port', () => {
  let t: TestSandbox;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await startTestSandbox({ clock, rateLimits: false });
  });
  afterAll(() => t.close());

  const createContact = async (email: string) => {
    const res = await t.call('POST', '/crm/v3/objects/contacts', { properties: { email } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('sends a UUID X-HubSpot-Correlation-Id on successes (200, 201, 204), a new one per answer', async () => {
    const created = await t.call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'correlated@example.com' },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await t.call('GET', `/crm/v3/objects/contacts/${id}`);
    expect(read.status).toBe(200);
    const archived = await t.call('DELETE', `/crm/v3/objects/contacts/${id}`);
    expect(archived.status).toBe(204);
    const ids = [created, read, archived].map((res) => res.headers.get('x-hubspot-correlation-id'));
    for (const value of ids) expect(value).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it('answers a missing numeric id with exactly {status, message: "resource not found", correlationId}', async () => {
    const res = await t.call('GET', '/crm/v3/objects/contacts/999999999');
    expect(res.status).toBe(404);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: 'error',
      message: 'resource not found',
      correlationId: expect.any(String),
    });
    expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
  });

  it('answers a duplicate e-mail with the CONFLICT body HubSpot sends, without an error field', async () => {
    const taken = await createContact('twice@example.com');
    const res = await t.call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'twice@example.com' },
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: 'error',
      message: `Contact already exists. Existing ID: ${taken}`,
      correlationId: expect.stringMatching(UUID),
      category: 'CONFLICT',
    });
    expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
  });

  it('answers null for a requested property the record has no value for, on every read', async () => {
    const id = await createContact('sparse@example.com');
    const asked = 'properties=phone&properties=firstname';
    const one = await t.call('GET', `/crm/v3/objects/contacts/${id}?${asked}`);
    const byEmail = await t.call(
      'GET',
      `/crm/v3/objects/contacts/sparse@example.com?idProperty=email&${asked}`,
    );
    const page = await t.call('GET', `/crm/v3/objects/contacts?limit=100&${asked}`);
    const batch = await t.call('POST', '/crm/v3/objects/contacts/batch/read', {
      inputs: [{ id }],
      properties: ['phone', 'firstname'],
    });
    clock.advance(60_000);
    const search = await t.call('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'sparse@example.com' }] }],
      properties: ['phone', 'firstname'],
    });
    type Rec = { id: string; properties: Record<string, unknown> };
    const records: Rec[] = [
      (await one.json()) as Rec,
      (await byEmail.json()) as Rec,
      ((await page.json()) as { results: Rec[] }).results.find((r) => r.id === id)!,
      ((await batch.json()) as { results: Rec[] }).results[0]!,
      ((await search.json()) as { results: Rec[] }).results[0]!,
    ];
    for (const record of records) {
      expect(record.id).toBe(id);
      expect(record.properties).toMatchObject({ phone: null, firstname: null });
    }
  });
});

describe('sandbox fidelity: OAuth token metadata', () => {
  let t: TestSandbox;

  beforeAll(async () => {
    t = await startTestSandbox({ rateLimits: false });
  });
  afterAll(() => t.close());

  it('answers v1 access-token info with token, is_private_distribution and signed_access_token', async () => {
    const auth = t.sandbox.portal.auth;
    const app = auth.registerOAuthApp();
    const { accessToken } = auth.issueOAuthTokens(app, ['oauth', 'crm.objects.contacts.read']);
    const res = await fetch(`${t.url}/oauth/v1/access-tokens/${accessToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-hubspot-correlation-id')).toMatch(UUID);
    const info = (await res.json()) as Record<string, unknown>;
    expect(info).toMatchObject({ token: accessToken, is_private_distribution: false, app_id: app.appId });
    const record = auth.tokens.get(accessToken)!;
    expect(info.signed_access_token).toEqual({
      appId: app.appId,
      expiresAt: record.expiresAt,
      hubId: t.sandbox.portal.info.portalId,
      hublet: 'na1',
      installingUserId: record.userId,
      isPrivateDistribution: false,
      isServiceAccount: false,
      isUserLevel: false,
      newSignature: expect.any(String),
      scopeToScopeGroupPks: expect.any(String),
      scopes: expect.any(String),
      signature: expect.any(String),
      trialScopeToScopeGroupPks: '',
      trialScopes: '',
      userId: record.userId,
    });
    expect(JSON.stringify(info.signed_access_token)).not.toContain(accessToken);
  });

  it.each(['/oauth/v1/token', '/oauth/v3/token'])(
    'refuses an unknown refresh token on %s in HubSpot wording',
    async (path) => {
      const app = t.sandbox.portal.auth.registerOAuthApp();
      const res = await fetch(t.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: app.clientId,
          client_secret: app.clientSecret,
          refresh_token: 'sandbox-refresh-made-up',
        }).toString(),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({
        status: 'BAD_REFRESH_TOKEN',
        message: 'missing or invalid refresh token',
        correlationId: expect.stringMatching(UUID),
        error: 'invalid_grant',
        error_description: 'missing or invalid refresh token',
      });
      expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
    },
  );
});

describe('sandbox fidelity: deprecated per-second rate-limit headers', () => {
  const answer = async (token: string, url = '/crm/v3/objects/contacts') => {
    const sandbox = lastSandbox!;
    const res = await sandbox.handle({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    return Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
  };
  let lastSandbox: ReturnType<typeof createSandbox> | undefined;

  it('sends Secondly (a tenth of the burst) and Secondly-Remaining to a private app, and never refuses on them', async () => {
    const clock = new ManualClock();
    lastSandbox = createSandbox({ clock, tier: 'free' });
    const token = lastSandbox.portal.auth.createPrivateAppToken();
    const first = await answer(token);
    expect(first['x-hubspot-ratelimit-max']).toBe('100');
    expect(first['x-hubspot-ratelimit-secondly']).toBe('10');
    expect(first['x-hubspot-ratelimit-secondly-remaining']).toBe('9');
    for (let i = 0; i < 10; i++) await answer(token);
    const past = await answer(token);
    expect(past['x-hubspot-ratelimit-secondly-remaining']).toBe('0');
    expect(past['x-hubspot-ratelimit-remaining']).toBe('88');
    clock.advance(1_000);
    expect((await answer(token))['x-hubspot-ratelimit-secondly-remaining']).toBe('9');
  });

  it('sends no per-second headers to an OAuth app, nor on search answers', async () => {
    lastSandbox = createSandbox({ clock: new ManualClock(), tier: 'free' });
    const auth = lastSandbox.portal.auth;
    const { accessToken } = auth.issueOAuthTokens(auth.registerOAuthApp(), ['crm.objects.contacts.read']);
    const oauth = await answer(accessToken);
    expect(oauth['x-hubspot-ratelimit-max']).toBe('110');
    expect(oauth['x-hubspot-ratelimit-secondly']).toBeUndefined();
    expect(oauth['x-hubspot-ratelimit-secondly-remaining']).toBeUndefined();
    const search = await lastSandbox.handle({
      method: 'POST',
      url: '/crm/v3/objects/contacts/search',
      headers: {
        authorization: `Bearer ${auth.createPrivateAppToken()}`,
        'content-type': 'application/json',
      },
      body: Buffer.from('{}'),
    });
    expect(search.status).toBe(200);
    expect(Object.keys(search.headers).some((k) => /ratelimit/i.test(k))).toBe(false);
  });
});

describe('sandbox fidelity: webhook changeFlag', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('marks creation events CREATED and deletion events DELETED; other events carry no changeFlag', async () => {
    const sandbox = createSandbox({
      clock: new ManualClock(),
      rateLimits: false,
      webhooks: { autoDeliver: false },
    });
    const { appId } = sandbox.portal.auth.registerOAuthApp();
    const token = sandbox.portal.auth.createPrivateAppToken();
    const send = (method: string, url: string, body?: unknown) =>
      sandbox.handle({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
      });
    const developer = (tail: string, method: string, body: unknown) =>
      sandbox.handle({
        method,
        url: `/webhooks/v3/${appId}${tail}?hapikey=${sandbox.portal.auth.developerApiKey}`,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(body)),
      });
    expect(
      (
        await developer('/settings', 'PUT', {
          targetUrl: receiver.url,
          throttling: { maxConcurrentRequests: 10 },
        })
      ).status,
    ).toBe(200);
    for (const eventType of [
      'contact.creation',
      'contact.propertyChange',
      'deal.creation',
      'deal.deletion',
    ]) {
      const body = {
        eventType,
        active: true,
        ...(eventType.endsWith('Change') ? { propertyName: 'firstname' } : {}),
      };
      expect((await developer('/subscriptions', 'POST', body)).status).toBe(201);
    }
    const contact = JSON.parse(
      String(
        (await send('POST', '/crm/v3/objects/contacts', { properties: { email: 'flag@example.com' } })).body,
      ),
    ).id as string;
    await send('PATCH', `/crm/v3/objects/contacts/${contact}`, { properties: { firstname: 'Flag' } });
    const deal = JSON.parse(
      String((await send('POST', '/crm/v3/objects/deals', { properties: { dealname: 'Flagged' } })).body),
    ).id as string;
    await send('DELETE', `/crm/v3/objects/deals/${deal}`);
    await sandbox.webhooks.flush();
    const events = receiver.received.flatMap((d) => d.events);
    expect(events.map((e) => [e.subscriptionType, String(e.objectId), e.changeFlag])).toEqual([
      ['contact.creation', contact, 'CREATED'],
      ['contact.propertyChange', contact, undefined],
      ['deal.creation', deal, 'CREATED'],
      ['deal.deletion', deal, 'DELETED'],
    ]);
  });
});
