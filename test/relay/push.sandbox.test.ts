import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/config';
import { type SubscriptionCreated, verifyDelivery } from '../../relay/contract';
import { createRelay, type Relay } from '../../relay/service';
import { openStore } from '../../relay/store';
import type { RelayStore } from '../../relay/store/types';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { startHook, type TestHook } from './support/hook';
import { startPostgres, type TestPostgres } from './support/postgres';

/** sandbox (HubSpot, pushing signed webhooks v3) → relay (in process, on a real port) → a local hook. */
describe.each(['sqlite', 'postgres'] as const)('push path on the %s store', (kind) => {
  let pg: TestPostgres | undefined;
  let dir: string;
  let hub: TestSandbox;
  let hook: TestHook;
  let store: RelayStore;
  let relay: Relay;
  let relayUrl: string;
  let clientSecret: string;
  let appId: number;
  let userToken: string;
  let narrowToken: string;
  const resolved: Record<string, string[]> = { 'hooks.zapier.com': ['10.1.2.3'] };

  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'relay-push-'));
    hub = await startTestSandbox();
    const app = hub.sandbox.portal.auth.registerOAuthApp();
    clientSecret = app.clientSecret;
    appId = app.appId;
    userToken = hub.sandbox.portal.auth.issueOAuthTokens(app, [
      'oauth',
      'crm.objects.contacts.read',
      'crm.objects.contacts.write',
    ]).accessToken;
    narrowToken = hub.sandbox.portal.auth.issueOAuthTokens(app, ['oauth']).accessToken;
    hook = await startHook();
    // A paused app subscription left from before: the relay must turn it on when a hook needs it.
    const paused = await fetch(
      `${hub.url}/webhooks/v3/${app.appId}/subscriptions?hapikey=${hub.sandbox.portal.auth.developerApiKey}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ eventType: 'contact.deletion' }),
      },
    );
    expect(paused.status).toBe(201);
    store = await openStore(pg ? pg.url : `sqlite:${join(dir, 'relay.db')}`);
    const config = loadConfig({
      HUBSPOT_BASE_URL: hub.url,
      HUBSPOT_CLIENT_ID: app.clientId,
      HUBSPOT_CLIENT_SECRET: app.clientSecret,
      HUBSPOT_APP_ID: String(app.appId),
      HUBSPOT_DEVELOPER_API_KEY: hub.sandbox.portal.auth.developerApiKey,
      RELAY_ALLOWED_TARGETS: '127.0.0.1,default',
    });
    relay = createRelay({
      config,
      store,
      pollMs: 50,
      resolve: async (host) => resolved[host] ?? ['127.0.0.1'],
    });
    relayUrl = await relay.listen(0);
    await relay.start();
  }, 60_000);

  afterAll(async () => {
    await relay?.close();
    await store?.close();
    await hook?.close();
    await hub?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const subscribeHook = async (body: Record<string, unknown>, token = userToken) =>
    fetch(`${relayUrl}/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const createContact = async (properties: Record<string, string>) => {
    const res = await fetch(`${hub.url}/crm/v3/objects/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('points the app’s webhooks at itself when it starts', async () => {
    const res = await fetch(
      `${hub.url}/webhooks/v3/${appId}/settings?hapikey=${hub.sandbox.portal.auth.developerApiKey}`,
    );
    expect(((await res.json()) as { targetUrl: string }).targetUrl).toBe(`${relayUrl}/v1/hubspot/webhooks`);
  });

  it('delivers a new contact to the hook, signed with the subscription’s secret', async () => {
    const res = await subscribeHook({ targetUrl: hook.url, objectType: 'contacts', event: 'creation' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as SubscriptionCreated;
    expect(created).toMatchObject({ portalId: hub.sandbox.portal.info.portalId, event: 'creation' });
    expect(created.secret).toMatch(/^whsec_/);
    const app = hub.sandbox.portal.webhooks.subscriptionsOf(appId);
    expect(app.filter((s) => s.eventType === 'contact.creation' && s.active)).toHaveLength(1);

    const contactId = await createContact({ email: `push-${kind}@example.com` });
    await hook.waitFor((calls) => calls.some((c) => c.delivery.subscriptionId === created.id));
    const call = hook.calls.find((c) => c.delivery.subscriptionId === created.id)!;
    expect(verifyDelivery(created.secret, call.headers, call.body, Date.now())).toEqual({ ok: true });
    expect(
      verifyDelivery(`whsec_${Buffer.from('other').toString('base64')}`, call.headers, call.body, Date.now())
        .ok,
    ).toBe(false);
    expect(call.delivery).toMatchObject({
      portalId: created.portalId,
      objectType: 'contacts',
      event: 'creation',
    });
    expect(call.delivery.events).toEqual([
      expect.objectContaining({ event: 'creation', objectTypeId: '0-1', objectId: contactId }),
    ]);
  });

  it('delivers only the property values asked for', async () => {
    const res = await subscribeHook({
      targetUrl: hook.url,
      objectType: '0-1',
      event: 'propertyChange',
      property: 'jobtitle',
      values: ['CEO'],
    });
    const { id } = (await res.json()) as SubscriptionCreated;
    const contactId = await createContact({ email: `filter-${kind}@example.com`, jobtitle: 'Intern' });
    await fetch(`${hub.url}/crm/v3/objects/contacts/${contactId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { jobtitle: 'CEO' } }),
    });
    await hook.waitFor((calls) => calls.some((c) => c.delivery.subscriptionId === id));
    await new Promise((r) => setTimeout(r, 300));
    const values = hook.calls
      .filter((c) => c.delivery.subscriptionId === id)
      .flatMap((c) => c.delivery.events.map((e) => e.propertyValue));
    expect(values).toEqual(['CEO']);
  });

  it('resolves a custom object by its fully qualified name and delivers its records', async () => {
    const schema = await hub.call('POST', '/crm-object-schemas/v3/schemas', {
      name: `orders_${kind}`,
      labels: { singular: 'Order', plural: 'Orders' },
      primaryDisplayProperty: 'ref',
      requiredProperties: ['ref'],
      properties: [{ name: 'ref', label: 'Ref', type: 'string', fieldType: 'text' }],
    });
    expect(schema.status).toBe(201);
    const { objectTypeId, fullyQualifiedName } = (await schema.json()) as {
      objectTypeId: string;
      fullyQualifiedName: string;
    };
    const app = hub.sandbox.portal.auth.oauthApps.find((a) => a.appId === appId)!;
    const customToken = hub.sandbox.portal.auth.issueOAuthTokens(app, [
      'oauth',
      'crm.objects.custom.read',
    ]).accessToken;
    const res = await subscribeHook(
      { targetUrl: hook.url, objectType: fullyQualifiedName, event: 'creation' },
      customToken,
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as SubscriptionCreated;
    expect((await store.subscription(id))?.objectTypeId).toBe(objectTypeId);
    expect(
      hub.sandbox.portal.webhooks
        .subscriptionsOf(appId)
        .some((s) => s.eventType === 'object.creation' && s.objectTypeId === objectTypeId),
    ).toBe(true);
    const record = await hub.call('POST', `/crm/v3/objects/${objectTypeId}`, { properties: { ref: 'A-1' } });
    const recordId = ((await record.json()) as { id: string }).id;
    await hook.waitFor((calls) => calls.some((c) => c.delivery.subscriptionId === id));
    const call = hook.calls.find((c) => c.delivery.subscriptionId === id)!;
    expect(call.delivery.events).toEqual([expect.objectContaining({ objectTypeId, objectId: recordId })]);
    const unknown = await subscribeHook(
      { targetUrl: hook.url, objectType: 'p_nothing', event: 'creation' },
      customToken,
    );
    expect(await unknown.json()).toEqual({
      status: 'error',
      message: `objectType p_nothing is not an object type of portal ${hub.sandbox.portal.info.portalId}.`,
      field: 'objectType',
    });
  });

  describe('HubSpot signatures', () => {
    const path = '/v1/hubspot/webhooks';
    const event = (eventId: number) => [
      {
        eventId,
        subscriptionId: 1,
        portalId: hub.sandbox.portal.info.portalId,
        appId,
        occurredAt: Date.now(),
        subscriptionType: 'contact.creation',
        attemptNumber: 0,
        objectId: 424242,
        changeSource: 'API',
      },
    ];
    const post = (body: string, timestamp: number, secret = clientSecret) =>
      fetch(`${relayUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hubspot-request-timestamp': String(timestamp),
          'x-hubspot-signature-v3': createHmac('sha256', secret)
            .update(`POST${relayUrl}${path}${body}${timestamp}`)
            .digest('base64'),
        },
        body,
      });

    it('refuses a signature made with another secret', async () => {
      const res = await post(JSON.stringify(event(9_000_001)), Date.now(), 'not-the-client-secret');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        status: 'error',
        message: 'X-HubSpot-Signature-v3 does not match the request.',
        field: 'X-HubSpot-Signature-v3',
      });
    });

    it('refuses a correctly signed request older than 5 minutes', async () => {
      const res = await post(JSON.stringify(event(9_000_002)), Date.now() - 5 * 60_000 - 1_000);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toBe(
        'X-HubSpot-Request-Timestamp is more than 5 minutes old.',
      );
    });

    it('refuses a request without a signature', async () => {
      const res = await fetch(`${relayUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      });
      expect(res.status).toBe(401);
    });

    it('accepts a good one, and stores an event HubSpot sends twice only once', async () => {
      const hookCalls = () =>
        hook.calls.flatMap((c) => c.delivery.events).filter((e) => e.eventId === '9000003');
      const body = JSON.stringify(event(9_000_003));
      const started = Date.now();
      expect((await post(body, Date.now())).status).toBe(204);
      // Answered well inside HubSpot's 5 s delivery timeout.
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((await post(body, Date.now())).status).toBe(204);
      await hook.waitFor(() => hookCalls().length > 0);
      await new Promise((r) => setTimeout(r, 300));
      // One contacts creation subscription exists: the event came twice and is delivered once.
      expect(hookCalls()).toHaveLength(1);
    });
  });

  describe('subscription refusals', () => {
    it('refuses a host that is not allowed', async () => {
      const res = await subscribeHook({
        targetUrl: 'https://evil.example.com/x',
        objectType: 'contacts',
        event: 'creation',
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { message: string; field: string };
      expect(body.field).toBe('targetUrl');
      expect(body.message).toContain('evil.example.com is not');
    });

    it('refuses an allowed host that resolves to a private address, and plain http', async () => {
      const priv = await subscribeHook({
        targetUrl: 'https://hooks.zapier.com/hooks/standard/1/x',
        objectType: 'contacts',
        event: 'creation',
      });
      expect(priv.status).toBe(400);
      expect(((await priv.json()) as { message: string }).message).toContain(
        'resolves to 10.1.2.3, a private, loopback or link-local address',
      );
      const http = await subscribeHook({
        targetUrl: 'http://hooks.zapier.com/hooks/standard/1/x',
        objectType: 'contacts',
        event: 'creation',
      });
      expect(((await http.json()) as { message: string }).message).toBe('targetUrl must use https.');
    });

    it('refuses events the token’s scopes do not cover, and a token HubSpot does not know', async () => {
      const deals = await subscribeHook({ targetUrl: hook.url, objectType: 'deals', event: 'creation' });
      expect(deals.status).toBe(403);
      expect(((await deals.json()) as { message: string }).message).toBe(
        'The access token cannot read deals: it needs one of the scopes crm.objects.deals.read.',
      );
      const narrow = await subscribeHook(
        { targetUrl: hook.url, objectType: 'contacts', event: 'creation' },
        narrowToken,
      );
      expect(narrow.status).toBe(403);
      const unknown = await subscribeHook(
        { targetUrl: hook.url, objectType: 'contacts', event: 'creation' },
        'nope',
      );
      expect(unknown.status).toBe(401);
    });

    it('names the field of a malformed request', async () => {
      const res = await subscribeHook({
        targetUrl: hook.url,
        objectType: 'contacts',
        event: 'propertyChange',
      });
      expect(await res.json()).toEqual({
        status: 'error',
        message: 'property is required for propertyChange: the internal name of the property to watch.',
        field: 'property',
      });
    });

    it('refuses an unsubscribe with a token of another portal, and accepts the owner’s', async () => {
      await store.addSubscription(
        {
          id: 'sub_foreign',
          portalId: 1,
          targetUrl: hook.url,
          objectType: 'contacts',
          objectTypeId: '0-1',
          event: 'creation',
          secret: 'whsec_eA==',
          createdAt: Date.now(),
        },
        10,
      );
      const del = (id: string) =>
        fetch(`${relayUrl}/v1/subscriptions/${id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${userToken}` },
        });
      const foreign = await del('sub_foreign');
      expect(foreign.status).toBe(403);
      expect(((await foreign.json()) as { message: string }).message).toBe(
        "Subscription sub_foreign belongs to another HubSpot portal than the access token's.",
      );
      expect(await store.subscription('sub_foreign')).toBeDefined();
      const mine = (await (
        await subscribeHook({ targetUrl: hook.url, objectType: 'contacts', event: 'deletion' })
      ).json()) as SubscriptionCreated;
      const deletions = hub.sandbox.portal.webhooks
        .subscriptionsOf(appId)
        .filter((s) => s.eventType === 'contact.deletion');
      expect(deletions.map((s) => s.active)).toEqual([true]);
      expect((await del(mine.id)).status).toBe(204);
      expect((await del(mine.id)).status).toBe(404);
    });
  });

  it('removes a subscription whose hook answers 410 Gone', async () => {
    const gone = await startHook('/gone');
    gone.answer(410);
    try {
      const { id } = (await (
        await subscribeHook({ targetUrl: gone.url, objectType: 'contacts', event: 'creation' })
      ).json()) as SubscriptionCreated;
      await createContact({ email: `gone-${kind}@example.com` });
      await gone.waitFor((calls) => calls.length > 0);
      const until = Date.now() + 5_000;
      while ((await store.subscription(id)) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 25));
      expect(await store.subscription(id)).toBeUndefined();
    } finally {
      await gone.close();
    }
  });

  it('answers health and readiness', async () => {
    expect(await (await fetch(`${relayUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${relayUrl}/readyz`)).json()).toEqual({ status: 'ready', store: kind });
  });
});
