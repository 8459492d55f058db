import { createSandbox, ManualClock } from '../../sandbox';
import type { OAuthApp } from '../../sandbox/state/auth';
import { appToken, download, type FetchAnswer, install, journalCall, tokenCall } from '../support/journal';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { startWebhookReceiver } from '../support/webhookReceiver';

/** The webhooks journal (2026-03) over a real local port: app tokens, subscriptions, reading, retention, persistence. */
describe('sandbox webhooks journal', () => {
  const SUBS = '/webhooks-journal/subscriptions/2026-03';
  const JOURNAL = '/webhooks-journal/journal/2026-03';
  const DAY = 24 * 60 * 60 * 1000;
  let t: TestSandbox;
  let clock: ManualClock;
  let app: OAuthApp;
  let token: string;
  let portalId: number;

  beforeEach(async () => {
    clock = new ManualClock();
    t = await startTestSandbox({ clock, rateLimits: false });
    app = t.sandbox.portal.auth.registerOAuthApp();
    portalId = t.sandbox.portal.info.portalId;
    await install(t, app);
    token = await appToken(t, app);
  });
  afterEach(() => t.close());

  const call = (method: string, path: string, body?: unknown) => journalCall(t, token, method, path, body);
  const subscribe = async (body: Record<string, unknown>) => {
    const res = await call('POST', SUBS, { portalId, ...body });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  const read = async (path: string): Promise<FetchAnswer> => {
    const res = await call('GET', JOURNAL + path);
    expect(res.status).toBe(200);
    return (await res.json()) as FetchAnswer;
  };
  const createContact = async (properties: Record<string, string>) => {
    const res = await t.call('POST', '/crm/v3/objects/contacts', { properties });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  describe('client-credentials tokens', () => {
    it('grants an app token: no refresh token, no portal, 30 minutes, the scopes asked', async () => {
      const res = await tokenCall(t, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        scope: 'developer.webhooks_journal.read crm.objects.contacts.read',
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        token_type: 'bearer',
        token_use: 'client_credentials',
        expires_in: 1800,
        scopes: ['developer.webhooks_journal.read', 'crm.objects.contacts.read'],
      });
      expect(body.refresh_token).toBeUndefined();
      expect(body.hub_id).toBeUndefined();
      const readOnly = body.access_token as string;
      // Read scope only: reading works, managing subscriptions is refused with HubSpot's 403.
      expect((await journalCall(t, readOnly, 'GET', `${JOURNAL}/earliest`)).status).toBe(204);
      const refused = await journalCall(t, readOnly, 'POST', SUBS, {});
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ category: 'MISSING_SCOPES' });
    });

    it('refuses a wrong secret and an unknown scope with the token endpoint body, secrets not echoed', async () => {
      const wrong = await tokenCall(t, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: 'not-the-secret',
      });
      expect(wrong.status).toBe(400);
      const text = await wrong.text();
      expect(JSON.parse(text)).toMatchObject({ status: 'BAD_CLIENT_SECRET', error: 'invalid_client' });
      expect(text).not.toContain('not-the-secret');
      const badScope = await tokenCall(t, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        scope: 'developer.webhooks_journal.everything',
      });
      expect(badScope.status).toBe(400);
      expect(await badScope.json()).toMatchObject({ status: 'BAD_SCOPES', error: 'invalid_scope' });
    });

    it('is good on the journal only, user tokens are not, and it expires after 30 minutes', async () => {
      const crm = await journalCall(t, token, 'GET', '/crm/v3/objects/contacts');
      expect(crm.status).toBe(401);
      expect(((await crm.json()) as { message: string }).message).toContain('webhooks journal');
      const user = await journalCall(t, t.token, 'GET', `${JOURNAL}/earliest`);
      expect(user.status).toBe(401);
      expect(((await user.json()) as { message: string }).message).toContain('client_credentials');
      clock.advance(30 * 60 * 1000);
      const expired = await call('GET', `${JOURNAL}/earliest`);
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' });
    });
  });

  describe('subscriptions', () => {
    it('creates, upserts, lists, reads and deletes, in the 2026-03 shape', async () => {
      const created = await subscribe({
        subscriptionType: 'OBJECT',
        objectTypeId: '0-1',
        actions: ['CREATE'],
        properties: ['email'],
      });
      expect(created).toMatchObject({
        appId: app.appId,
        portalId,
        subscriptionType: 'OBJECT',
        objectTypeId: '0-1',
        actions: ['CREATE'],
        properties: ['email'],
      });
      expect(typeof created.id).toBe('number');
      const updated = await subscribe({
        subscriptionType: 'OBJECT',
        objectTypeId: 'contacts',
        actions: ['CREATE', 'UPDATE'],
      });
      expect(updated).toMatchObject({ id: created.id, objectTypeId: '0-1', actions: ['CREATE', 'UPDATE'] });
      const deals = await subscribe({ subscriptionType: 'OBJECT', objectTypeId: '0-3', actions: ['DELETE'] });
      const list = (await (await call('GET', SUBS)).json()) as { results: Array<{ id: number }> };
      expect(list.results.map((s) => s.id)).toEqual([created.id, deals.id]);
      expect(await (await call('GET', `${SUBS}/${deals.id}`)).json()).toMatchObject({ objectTypeId: '0-3' });
      expect((await call('DELETE', `${SUBS}/${deals.id}`)).status).toBe(204);
      const gone = await call('GET', `${SUBS}/${deals.id}`);
      expect(gone.status).toBe(404);
      expect(await gone.json()).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
      expect((await call('DELETE', `${SUBS}/portals/${portalId}`)).status).toBe(204);
      expect(((await (await call('GET', SUBS)).json()) as { results: unknown[] }).results).toEqual([]);
    });

    it.each([
      [{ subscriptionType: 'WEATHER' }, 'subscriptionType must be one of'],
      [{ subscriptionType: 'OBJECT', objectTypeId: '0-1', actions: ['ADDED_TO_LIST'] }, 'actions must be'],
      [{ subscriptionType: 'OBJECT', objectTypeId: '9-9', actions: ['CREATE'] }, 'objectTypeId must name'],
      [
        { subscriptionType: 'OBJECT', objectTypeId: '0-1', actions: ['UPDATE'], properties: ['nope'] },
        'unknown: nope',
      ],
    ])('refuses %j naming the field', async (body, message) => {
      const res = await call('POST', SUBS, { portalId, ...body });
      expect(res.status).toBe(400);
      const error = (await res.json()) as { category: string; message: string };
      expect(error.category).toBe('VALIDATION_ERROR');
      expect(error.message).toContain(message);
    });

    it('refuses a portal that has not installed the app, and an app never installed anywhere', async () => {
      const other = await call('POST', SUBS, {
        portalId: portalId + 1,
        subscriptionType: 'OBJECT',
        objectTypeId: '0-1',
        actions: ['CREATE'],
      });
      expect(other.status).toBe(400);
      expect(((await other.json()) as { message: string }).message).toContain(
        `not installed in portal ${portalId + 1}`,
      );
      const stranger = t.sandbox.portal.auth.registerOAuthApp();
      const strangerToken = await appToken(t, stranger);
      const refused = await journalCall(t, strangerToken, 'POST', SUBS, {
        portalId,
        subscriptionType: 'OBJECT',
        objectTypeId: '0-1',
        actions: ['CREATE'],
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toContain(
        `App ${stranger.appId} is not installed in portal ${portalId}`,
      );
      const local = await journalCall(
        t,
        strangerToken,
        'GET',
        `/webhooks-journal/journal-local/2026-03/earliest?installPortalId=${portalId}`,
      );
      expect(local.status).toBe(400);
    });
  });

  describe('the journal', () => {
    it('reports records added to and removed from the subscribed lists, with the actions asked for only', async () => {
      const list = async (name: string) => {
        const res = await t.call('POST', '/crm/v3/lists', {
          name,
          objectTypeId: '0-1',
          processingType: 'MANUAL',
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { list: { listId: string } }).list.listId;
      };
      const watched = await list('Watched');
      const other = await list('Other');
      const [ada, bob] = [
        await createContact({ email: 'ada@example.com' }),
        await createContact({ email: 'b@x.io' }),
      ];
      // Additions only, of one list.
      await subscribe({
        subscriptionType: 'LIST_MEMBERSHIP',
        objectTypeId: '0-1',
        actions: ['ADDED_TO_LIST'],
        listIds: [Number(watched)],
      });
      const members = (listId: string, change: string, ids: string[]) =>
        t.call('PUT', `/crm/v3/lists/${listId}/memberships/${change}`, ids);
      expect((await members(other, 'add', [ada])).status).toBe(200);
      expect((await call('GET', `${JOURNAL}/earliest`)).status).toBe(204);
      clock.advance(1000);
      expect((await members(watched, 'add', [ada, bob])).status).toBe(200);
      expect((await members(watched, 'remove', [ada])).status).toBe(200);
      const first = await read('/earliest');
      expect((await download(first)).journalEvents).toEqual([
        expect.objectContaining({
          type: 'LIST_MEMBERSHIP',
          action: 'ADDED_TO_LIST',
          portalId,
          listId: Number(watched),
          objectTypeId: '0-1',
          objectId: Number(ada),
          occurredAt: new Date(clock.now()).toISOString(),
        }),
        expect.objectContaining({ action: 'ADDED_TO_LIST', objectId: Number(bob) }),
      ]);
      // The removal is not subscribed: no entry after the additions.
      expect((await call('GET', `${JOURNAL}/offset/${first.currentOffset}/next`)).status).toBe(204);
      await subscribe({
        subscriptionType: 'LIST_MEMBERSHIP',
        objectTypeId: '0-1',
        actions: ['ADDED_TO_LIST', 'REMOVED_FROM_LIST'],
        listIds: [Number(watched)],
      });
      expect((await t.call('DELETE', `/crm/v3/lists/${watched}/memberships`)).status).toBe(204);
      const cleared = (await download(await read('/latest'))).journalEvents;
      expect(cleared).toEqual([
        expect.objectContaining({
          action: 'REMOVED_FROM_LIST',
          objectId: Number(bob),
          listId: Number(watched),
        }),
      ]);
    });

    it('appends matching events in order with increasing offsets, read by earliest, next, latest and files', async () => {
      await subscribe({
        subscriptionType: 'OBJECT',
        objectTypeId: '0-1',
        actions: ['CREATE', 'UPDATE', 'DELETE'],
        properties: ['email', 'firstname'],
      });
      expect((await call('GET', `${JOURNAL}/earliest`)).status).toBe(204);
      const id = await createContact({ email: 'ada@example.com', lastname: 'Lovelace' });
      clock.advance(1000);
      expect(
        (await t.call('PATCH', `/crm/v3/objects/contacts/${id}`, { properties: { lastname: 'King' } }))
          .status,
      ).toBe(200);
      expect(
        (
          await t.call('PATCH', `/crm/v3/objects/contacts/${id}`, {
            properties: { firstname: 'Ada', lastname: 'L' },
          })
        ).status,
      ).toBe(200);
      clock.advance(1000);
      expect((await t.call('DELETE', `/crm/v3/objects/contacts/${id}`)).status).toBe(204);
      await createContact({ email: 'grace@example.com' });
      await t.call('POST', '/crm/v3/objects/companies', { properties: { name: 'Not subscribed' } });

      const first = await read('/earliest');
      const second = await read(`/offset/${first.currentOffset}/next`);
      const third = await read(`/offset/${second.currentOffset}/next`);
      const fourth = await read(`/offset/${third.currentOffset}/next`);
      expect((await call('GET', `${JOURNAL}/offset/${fourth.currentOffset}/next`)).status).toBe(204);
      expect((await read('/latest')).currentOffset).toBe(fourth.currentOffset);
      const offsets = [first, second, third, fourth].map((a) => a.currentOffset);
      expect([...offsets].sort()).toEqual(offsets);
      expect(new Set(offsets).size).toBe(4);
      for (const o of offsets)
        expect(o).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);

      const events = await Promise.all(
        [first, second, third, fourth].map(async (a) => (await download(a)).journalEvents),
      );
      expect(events.map((e) => e.map((x) => x.action))).toEqual([
        ['CREATE'],
        ['UPDATE'],
        ['DELETE'],
        ['CREATE'],
      ]);
      expect(events[0]![0]).toMatchObject({
        type: 'OBJECT',
        portalId,
        appId: app.appId,
        objectTypeId: '0-1',
        objectId: Number(id),
        propertyChanges: { email: 'ada@example.com' },
        changeSource: 'INTEGRATION',
        occurredAt: new Date(Date.UTC(2026, 0, 5, 9, 0, 0)).toISOString(),
      });
      // The lastname-only write matched no subscribed property; the next one reports firstname only.
      expect(events[1]![0]!.propertyChanges).toEqual({ firstname: 'Ada' });
      expect(events[2]![0]).toMatchObject({ objectId: Number(id), action: 'DELETE' });
      const eventIds = events.flat().map((e) => e.eventId as number);
      expect([...eventIds].sort((a, b) => a - b)).toEqual(eventIds);

      const batch = (await (await call('GET', `${JOURNAL}/batch/earliest/10`)).json()) as {
        status: string;
        results: FetchAnswer[];
      };
      expect(batch.status).toBe('COMPLETE');
      expect(batch.results.map((r) => r.currentOffset)).toEqual(offsets);
      const page = (await (await call('GET', `${JOURNAL}/batch/${first.currentOffset}/next/2`)).json()) as {
        results: FetchAnswer[];
      };
      expect(page.results.map((r) => r.currentOffset)).toEqual(offsets.slice(1, 3));
      const latest = (await (await call('GET', `${JOURNAL}/batch/latest/2`)).json()) as {
        results: FetchAnswer[];
      };
      expect(latest.results.map((r) => r.currentOffset)).toEqual(offsets.slice(2));
      const unknown = '00000000-0000-7000-8000-000000000000';
      const partial = await call('POST', `${JOURNAL}/batch/read`, { inputs: [offsets[2], unknown] });
      expect(partial.status).toBe(207);
      expect(await partial.json()).toMatchObject({ numErrors: 1, results: [{ currentOffset: offsets[2] }] });
      const local = await call(
        'GET',
        `/webhooks-journal/journal-local/2026-03/earliest?installPortalId=${portalId}`,
      );
      expect(((await local.json()) as FetchAnswer).currentOffset).toBe(offsets[0]);
    });

    it('reports associations and the same changes the push side delivers', async () => {
      await subscribe({
        subscriptionType: 'ASSOCIATION',
        objectTypeId: '0-1',
        actions: ['ASSOCIATION_ADDED'],
      });
      await subscribe({ subscriptionType: 'OBJECT', objectTypeId: '0-1', actions: ['UPDATE'] });
      const contact = await createContact({ email: 'ada@example.com' });
      const company = (
        (await (
          await t.call('POST', '/crm/v3/objects/companies', { properties: { name: 'Acme' } })
        ).json()) as {
          id: string;
        }
      ).id;
      expect(
        (await t.call('PUT', `/crm/v4/objects/contacts/${contact}/associations/default/companies/${company}`))
          .status,
      ).toBe(200);
      const added = (await download(await read('/earliest'))).journalEvents;
      expect(added).toContainEqual(
        expect.objectContaining({
          type: 'ASSOCIATION',
          action: 'ASSOCIATION_ADDED',
          objectId: Number(contact),
          associatedObjectTypeId: '0-2',
          associatedObjectId: Number(company),
        }),
      );
      // Push and pull from one change detection: the journal's values are the ones the webhook delivery carries.
      const receiver = await startWebhookReceiver();
      try {
        const developer = (path: string, body: unknown, method = 'POST') =>
          fetch(`${t.url}/webhooks/v3/${app.appId}${path}?hapikey=${t.sandbox.portal.auth.developerApiKey}`, {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        const settings = { targetUrl: receiver.url, throttling: { maxConcurrentRequests: 5 } };
        expect((await developer('/settings', settings, 'PUT')).status).toBe(200);
        for (const propertyName of ['firstname', 'lastname'])
          expect(
            (
              await developer('/subscriptions', {
                eventType: 'contact.propertyChange',
                propertyName,
                active: true,
              })
            ).status,
          ).toBe(201);
        const patch = { properties: { firstname: 'Ada', lastname: 'Lovelace' } };
        expect((await t.call('PATCH', `/crm/v3/objects/contacts/${contact}`, patch)).status).toBe(200);
        await t.sandbox.webhooks.flush();
        const pushed = receiver.received.flatMap((d) => d.events);
        expect(pushed).toHaveLength(2);
        const update = (await download(await read('/latest'))).journalEvents[0]!;
        expect(update).toMatchObject({ action: 'UPDATE', objectId: Number(contact) });
        expect(update.propertyChanges).toEqual(
          Object.fromEntries(pushed.map((e) => [e.propertyName as string, e.propertyValue])),
        );
        expect(update.occurredAt).toBe(new Date(pushed[0]!.occurredAt as number).toISOString());
      } finally {
        await receiver.close();
      }
    });

    it('keeps 3 days: older entries are gone, their offsets answer 404, and file URLs expire', async () => {
      await subscribe({ subscriptionType: 'OBJECT', objectTypeId: '0-1', actions: ['CREATE'] });
      await createContact({ email: 'old@example.com' });
      const old = await read('/earliest');
      clock.advance(16 * 60 * 1000);
      const expiredUrl = await fetch(old.url);
      expect(expiredUrl.status).toBe(403);
      expect(await expiredUrl.text()).toContain('<Code>AccessDenied</Code>');
      const forged = await fetch(old.url.replace(/X-Sandbox-Signature=[0-9a-f]+/, 'X-Sandbox-Signature=00'));
      expect(forged.status).toBe(403);
      expect((await download(await read('/earliest'))).journalEvents[0]!.propertyChanges).toMatchObject({
        email: 'old@example.com',
      });

      clock.advance(3 * DAY - 16 * 60 * 1000 - 1);
      token = await appToken(t, app); // app tokens last 30 minutes
      await createContact({ email: 'new@example.com' });
      expect((await read('/earliest')).currentOffset).toBe(old.currentOffset);
      clock.advance(1);
      const earliest = await read('/earliest');
      expect(earliest.currentOffset).not.toBe(old.currentOffset);
      expect((await download(earliest)).journalEvents[0]!.propertyChanges).toMatchObject({
        email: 'new@example.com',
      });
      const expired = await call('GET', `${JOURNAL}/offset/${old.currentOffset}/next`);
      expect(expired.status).toBe(404);
      expect(await expired.json()).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
      expect((await call('GET', `${JOURNAL}/offset/not-a-uuid/next`)).status).toBe(400);
    });
  });

  it('survives a restart (--data state): subscriptions, entries and file signatures', async () => {
    await subscribe({ subscriptionType: 'OBJECT', objectTypeId: '0-1', actions: ['CREATE'] });
    await createContact({ email: 'kept@example.com' });
    const before = await read('/earliest');
    const state = JSON.parse(JSON.stringify(t.sandbox.portal.toJSON()));
    const restarted = createSandbox({ clock, rateLimits: false });
    restarted.portal.load(state);
    expect(restarted.portal.journal.subscriptionsOf(app.appId)).toHaveLength(1);
    const entries = restarted.portal.journal.entriesOf(app.appId, clock.now());
    expect(entries.map((e) => e.offset)).toEqual([before.currentOffset]);
    const file = await restarted.handle({ method: 'GET', url: before.url.replace(t.url, ''), headers: {} });
    expect(file.status).toBe(200);
    expect(JSON.parse(String(file.body)).journalEvents[0].propertyChanges).toMatchObject({
      email: 'kept@example.com',
    });
    restarted.webhooks.close();
  });
});
