import { createSandbox, ManualClock, type Sandbox } from '../../sandbox';
import { RETRY_DELAYS_MS } from '../../sandbox/webhooks/dispatcher';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/** Webhooks v3 in the sandbox: management errors, matching, batching, retries and persistence. */
describe('sandbox webhooks', () => {
  let sandbox: Sandbox;
  let clock: ManualClock;
  let receiver: WebhookReceiver;
  let appId: number;
  let token: string;

  beforeEach(async () => {
    clock = new ManualClock();
    sandbox = createSandbox({ clock, rateLimits: false, webhooks: { autoDeliver: false } });
    appId = sandbox.portal.auth.registerOAuthApp().appId;
    token = sandbox.portal.auth.createPrivateAppToken();
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  const developer = (
    method: string,
    tail: string,
    body?: unknown,
    key = sandbox.portal.auth.developerApiKey,
  ) =>
    sandbox.handle({
      method,
      url: `/webhooks/v3/${appId}${tail}?hapikey=${encodeURIComponent(key)}`,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
    });
  const crm = (method: string, url: string, body?: unknown) =>
    sandbox.handle({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
    });
  const bodyOf = (answer: { body: string | Buffer }) => JSON.parse(String(answer.body));
  const listen = async (...subscriptions: Array<Record<string, unknown>>) => {
    expect(
      (
        await developer('PUT', '/settings', {
          targetUrl: receiver.url,
          throttling: { maxConcurrentRequests: 5 },
        })
      ).status,
    ).toBe(200);
    for (const s of subscriptions)
      expect((await developer('POST', '/subscriptions', { active: true, ...s })).status).toBe(201);
  };
  const createContact = async (email: string) =>
    bodyOf(await crm('POST', '/crm/v3/objects/contacts', { properties: { email } })).id as string;

  it('answers 401 without the developer key and 404 for another app, in HubSpot error bodies', async () => {
    const wrongKey = await developer('GET', '/subscriptions', undefined, 'not-the-key');
    expect(wrongKey.status).toBe(401);
    expect(bodyOf(wrongKey)).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    const bearerOnly = await sandbox.handle({
      method: 'GET',
      url: `/webhooks/v3/${appId}/subscriptions`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearerOnly.status).toBe(401);
    const otherApp = await sandbox.handle({
      method: 'GET',
      url: `/webhooks/v3/999999/settings?hapikey=${sandbox.portal.auth.developerApiKey}`,
      headers: {},
    });
    expect(otherApp.status).toBe(404);
    expect(bodyOf(otherApp).message).toContain('App 999999');
    expect((await developer('GET', '/settings')).status).toBe(404);
  });

  it.each([
    [{ eventType: 'contact.exploded' }, 'eventType must be one of'],
    [{ eventType: 'contact.propertyChange' }, 'propertyName must name an existing property'],
    [
      { eventType: 'deal.propertyChange', propertyName: 'no_such_property' },
      'propertyName must name an existing property',
    ],
    [{ eventType: 'object.creation' }, 'objectTypeId must name an object type'],
    [{ eventType: 'contact.creation', active: 'yes' }, 'active must be true or false'],
  ])('refuses the subscription %j, naming the field, and stores nothing', async (input, message) => {
    const answer = await developer('POST', '/subscriptions', input);
    expect(answer.status).toBe(400);
    expect(bodyOf(answer)).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(bodyOf(answer).message).toContain(message);
    expect(bodyOf(await developer('GET', '/subscriptions')).results).toEqual([]);
  });

  it.each([
    [
      { targetUrl: 'ftp://example.com/x', throttling: { maxConcurrentRequests: 10 } },
      'targetUrl must be an absolute http(s) URL',
    ],
    [
      { targetUrl: 'https://example.com/x', throttling: { maxConcurrentRequests: 2 } },
      'throttling.maxConcurrentRequests must be an integer of at least 5',
    ],
  ])('refuses the settings %j', async (input, message) => {
    const answer = await developer('PUT', '/settings', input);
    expect(answer.status).toBe(400);
    expect(bodyOf(answer).message).toContain(message);
    expect((await developer('GET', '/settings')).status).toBe(404);
  });

  it('sends nothing for paused subscriptions or without settings', async () => {
    expect((await developer('POST', '/subscriptions', { eventType: 'contact.creation' })).status).toBe(201);
    await createContact('paused@example.com');
    await developer('PUT', '/settings', {
      targetUrl: receiver.url,
      throttling: { maxConcurrentRequests: 10 },
    });
    await createContact('still-paused@example.com');
    await sandbox.webhooks.flush();
    expect(receiver.received).toEqual([]);
    expect(sandbox.webhooks.deliveries()).toEqual([]);
  });

  it('batches a burst into requests of at most 100 events, each event once', async () => {
    await listen({ eventType: 'contact.creation' });
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) ids.push(await createContact(`burst${i}@example.com`));
    await sandbox.webhooks.flush();
    expect(receiver.received.map((d) => d.events.length)).toEqual([100, 100, 50]);
    const events = receiver.received.flatMap((d) => d.events);
    expect(events.map((e) => String(e.objectId))).toEqual(ids);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(250);
  });

  it('sends object.* events with the objectTypeId, and deletions', async () => {
    await listen({ eventType: 'object.creation', objectTypeId: '0-3' }, { eventType: 'deal.deletion' });
    const deal = bodyOf(await crm('POST', '/crm/v3/objects/deals', { properties: { dealname: 'Big one' } }));
    await crm('DELETE', `/crm/v3/objects/deals/${deal.id}`);
    await createContact('not-a-deal@example.com');
    await sandbox.webhooks.flush();
    const events = receiver.received.flatMap((d) => d.events);
    expect(events.map((e) => [e.subscriptionType, e.objectTypeId, String(e.objectId)])).toEqual([
      ['object.creation', '0-3', deal.id],
      ['deal.deletion', undefined, deal.id],
    ]);
  });

  it('sends association changes from both sides, with the type, the label flag and removals', async () => {
    await listen({ eventType: 'contact.associationChange' }, { eventType: 'company.associationChange' });
    const contact = await createContact('linked@example.com');
    const company = bodyOf(
      await crm('POST', '/crm/v3/objects/companies', { properties: { name: 'Acme' } }),
    ).id;
    const pair = `/crm/v4/objects/contacts/${contact}/associations`;
    expect((await crm('PUT', `${pair}/default/companies/${company}`)).status).toBe(200);
    expect((await crm('DELETE', `${pair}/companies/${company}`)).status).toBe(204);
    await sandbox.webhooks.flush();
    const events = receiver.received.flatMap((d) => d.events);
    const seen = events.map((e) => [
      e.subscriptionType,
      e.associationType,
      e.fromObjectId,
      e.toObjectId,
      e.associationRemoved,
    ]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['contact.associationChange', 'CONTACT_TO_COMPANY', Number(contact), Number(company), false],
        ['company.associationChange', 'COMPANY_TO_CONTACT', Number(company), Number(contact), false],
        ['contact.associationChange', 'CONTACT_TO_COMPANY', Number(contact), Number(company), true],
        ['company.associationChange', 'COMPANY_TO_CONTACT', Number(company), Number(contact), true],
      ]),
    );
    expect(events.filter((e) => e.associationTypeId === 279).map((e) => e.isPrimaryAssociation)).toEqual([
      false,
      false,
    ]);

    const primary = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }];
    expect((await crm('PUT', `${pair}/companies/${company}`, primary)).status).toBe(201);
    await sandbox.webhooks.flush();
    const labelled = receiver.received.flatMap((d) => d.events).slice(events.length);
    // A labelled association brings the unlabelled default one along, as on HubSpot.
    expect(labelled.map((e) => [e.associationTypeId, e.isPrimaryAssociation]).sort()).toEqual([
      [1, true],
      [2, true],
      [279, false],
      [280, false],
    ]);
  });

  it('sends a merge event instead of a deletion for the merged-away contact, and privacyDeletion for GDPR', async () => {
    await listen(
      { eventType: 'contact.merge' },
      { eventType: 'contact.deletion' },
      { eventType: 'contact.privacyDeletion' },
    );
    const primary = await createContact('keep@example.com');
    const merged = bodyOf(
      await crm('POST', '/crm/v3/objects/contacts', {
        properties: { email: 'gone@example.com', firstname: 'Gone' },
      }),
    ).id;
    expect(
      (
        await crm('POST', '/crm/v3/objects/contacts/merge', {
          primaryObjectId: primary,
          objectIdToMerge: merged,
        })
      ).status,
    ).toBe(200);
    expect((await crm('POST', '/crm/v3/objects/contacts/gdpr-delete', { objectId: primary })).status).toBe(
      204,
    );
    await sandbox.webhooks.flush();
    const events = receiver.received.flatMap((d) => d.events);
    expect(events.map((e) => e.subscriptionType)).toEqual(['contact.merge', 'contact.privacyDeletion']);
    expect(events[0]).toMatchObject({
      objectId: Number(primary),
      primaryObjectId: Number(primary),
      mergedObjectIds: [Number(merged)],
      newObjectId: Number(primary),
      numberOfPropertiesMoved: 1,
    });
    expect(events[1]).toMatchObject({ objectId: Number(primary) });
  });

  it('retries a refused delivery on the clock with attemptNumber counting, then gives up after 10 retries', async () => {
    await listen({ eventType: 'contact.creation' });
    receiver.answer(500);
    await createContact('retry@example.com');
    await sandbox.webhooks.flush();
    clock.advance(RETRY_DELAYS_MS[0]! - 1);
    await sandbox.webhooks.flush();
    expect(receiver.received).toHaveLength(1);
    clock.advance(1);
    receiver.answer(200);
    await sandbox.webhooks.flush();
    expect(receiver.received.map((d) => d.events[0]!.attemptNumber)).toEqual([0, 1]);
    expect(sandbox.webhooks.deliveries().map((d) => d.status)).toEqual([500, 200]);
    expect(sandbox.webhooks.pending()).toBe(0);

    receiver.answer(503);
    await createContact('never@example.com');
    await sandbox.webhooks.flush();
    for (const wait of RETRY_DELAYS_MS) {
      clock.advance(wait);
      await sandbox.webhooks.flush();
    }
    const last = sandbox.webhooks.deliveries().at(-1)!;
    expect(last).toMatchObject({ attemptNumber: 10, status: 503, gaveUp: true });
    expect(receiver.received).toHaveLength(2 + 11);
    expect(sandbox.webhooks.pending()).toBe(0);
  });

  it('records events dropped because the target URL was removed after they were queued', async () => {
    await listen({ eventType: 'contact.creation' });
    await createContact('orphan@example.com');
    expect((await developer('DELETE', '/settings')).status).toBe(204);
    await sandbox.webhooks.flush();
    expect(receiver.received).toEqual([]);
    expect(sandbox.webhooks.deliveries()).toMatchObject([{ status: 0, gaveUp: true, eventIds: [1] }]);
    expect(sandbox.webhooks.pending()).toBe(0);
  });

  it('counts a receiver that cannot be reached as a failed attempt', async () => {
    await listen({ eventType: 'contact.creation' });
    await receiver.close();
    await createContact('nobody-home@example.com');
    await sandbox.webhooks.flush();
    expect(sandbox.webhooks.deliveries()).toMatchObject([{ status: 0, attemptNumber: 0 }]);
    expect(sandbox.webhooks.deliveries()[0]!.error).toBeTruthy();
    expect(sandbox.webhooks.pending()).toBe(1);
    receiver = await startWebhookReceiver();
  });

  it('keeps settings, subscriptions and the developer key across a save and load, and loading emits nothing', async () => {
    await listen({ eventType: 'contact.creation' });
    await createContact('saved@example.com');
    const state = JSON.parse(JSON.stringify(sandbox.portal.toJSON()));
    const restored = createSandbox({ clock, webhooks: { autoDeliver: false } });
    restored.portal.load(state);
    expect(restored.portal.auth.developerApiKey).toBe(sandbox.portal.auth.developerApiKey);
    expect(restored.portal.webhooks.settingsOf(appId)?.targetUrl).toBe(receiver.url);
    expect(restored.portal.webhooks.subscriptionsOf(appId)).toHaveLength(1);
    expect(restored.webhooks.pending()).toBe(0);
  });
});
