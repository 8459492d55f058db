import { Client, Signature } from '@hubspot/api-client';
import { SubscriptionCreateRequestEventTypeEnum as EventType } from '@hubspot/api-client/lib/codegen/webhooks';
import { useSdkSandbox } from '../support/sdk';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/** App webhooks v3 through @hubspot/api-client 14: management with the developer key, then signed deliveries. */
describe('webhooks v3 contract (@hubspot/api-client 14)', () => {
  const s = useSdkSandbox({ webhooks: { autoDeliver: false } });
  let receiver: WebhookReceiver;
  let developer: Client;
  let app: { appId: number; clientSecret: string };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = s.t.sandbox.portal.auth.registerOAuthApp();
    developer = new Client({ developerApiKey: s.t.sandbox.portal.auth.developerApiKey, basePath: s.t.url });
  });
  afterAll(() => receiver.close());

  it('configures settings and subscriptions, read back through the SDK models', async () => {
    const webhooks = developer.webhooks;
    const settings = await webhooks.settingsApi.configure(app.appId, {
      targetUrl: receiver.url,
      throttling: { maxConcurrentRequests: 10 },
    });
    expect(settings).toMatchObject({ targetUrl: receiver.url, throttling: { maxConcurrentRequests: 10 } });
    expect(settings.createdAt).toBeInstanceOf(Date);
    expect((await webhooks.settingsApi.getAll(app.appId)).targetUrl).toBe(receiver.url);

    const created = await webhooks.subscriptionsApi.create(app.appId, {
      eventType: EventType.ContactCreation,
    });
    expect(created).toMatchObject({ eventType: 'contact.creation', active: false });
    const byProperty = await webhooks.subscriptionsApi.create(app.appId, {
      eventType: EventType.ContactPropertyChange,
      propertyName: 'lifecyclestage',
      active: true,
    });
    const deletion = await webhooks.subscriptionsApi.create(app.appId, {
      eventType: EventType.ContactDeletion,
      active: true,
    });
    expect(
      (await webhooks.subscriptionsApi.update(Number(created.id), app.appId, { active: true })).active,
    ).toBe(true);
    expect(await webhooks.subscriptionsApi.getById(Number(byProperty.id), app.appId)).toMatchObject({
      propertyName: 'lifecyclestage',
      active: true,
    });
    const batch = await webhooks.subscriptionsApi.updateBatch(app.appId, {
      inputs: [{ id: Number(deletion.id), active: false }],
    });
    expect(batch.results.map((r) => r.active)).toEqual([false]);
    expect((await webhooks.subscriptionsApi.getAll(app.appId)).results).toHaveLength(3);
    await webhooks.subscriptionsApi.archive(Number(deletion.id), app.appId);
    expect((await webhooks.subscriptionsApi.getAll(app.appId)).results.map((r) => r.eventType)).toEqual([
      'contact.creation',
      'contact.propertyChange',
    ]);
  });

  it('delivers signed events for the subscribed changes only, which the SDK validates', async () => {
    const contacts = s.client.crm.contacts.basicApi;
    const ada = await contacts.create({ properties: { email: 'ada@example.com' }, associations: [] });
    await contacts.update(ada.id, { properties: { lifecyclestage: 'lead', firstname: 'Ada' } });
    await contacts.archive(ada.id);
    await s.t.sandbox.webhooks.flush();

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    const events = delivery!.events;
    expect(events.map((e) => e.subscriptionType)).toEqual(['contact.creation', 'contact.propertyChange']);
    expect(events[1]).toMatchObject({
      objectId: Number(ada.id),
      propertyName: 'lifecyclestage',
      propertyValue: 'lead',
      changeSource: 'INTEGRATION',
      portalId: s.t.sandbox.portal.info.portalId,
      appId: app.appId,
      attemptNumber: 0,
    });
    const headers = delivery!.headers;
    const common = { clientSecret: app.clientSecret, requestBody: delivery!.body, url: receiver.url };
    expect(
      Signature.isValid({
        ...common,
        signature: String(headers['x-hubspot-signature-v3']),
        signatureVersion: 'v3',
        timestamp: Number(headers['x-hubspot-request-timestamp']),
      }),
    ).toBe(true);
    expect(Signature.isValid({ ...common, signature: String(headers['x-hubspot-signature']) })).toBe(true);
    expect(
      Signature.isValid({
        ...common,
        clientSecret: 'not-the-secret',
        signature: String(headers['x-hubspot-signature']),
      }),
    ).toBe(false);
  });
});
