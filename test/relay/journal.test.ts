import { loadConfig } from '../../relay/config';
import { type SubscriptionCreated, verifyDelivery } from '../../relay/contract';
import { createRelay, type Relay } from '../../relay/service';
import { openStore } from '../../relay/store';
import type { RelayStore } from '../../relay/store/types';

/**
 * The pull path against HubSpot's documented shapes (nock): client-credentials token, the install-specific journal
 * subscription created when the portal's first hook subscribes, the local journal read from a stored offset, and a
 * catch-up after two days down.
 * https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide
 */

const HUBSPOT = 'http://hubspot.test';
const FILES = 'https://journal-files.test';
const HOOK = 'https://hooks.zapier.com';
const PORTAL = 777;
const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 10, 1, 12);

// nock 15 is an ES module; this file compiles to CommonJS, so it is loaded with a dynamic import.
let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
let clock = T0;
let store: RelayStore;
let relay: Relay;

function makeRelay(): Relay {
  return createRelay({
    config: loadConfig({
      HUBSPOT_BASE_URL: HUBSPOT,
      HUBSPOT_CLIENT_ID: 'client-id',
      HUBSPOT_CLIENT_SECRET: 'client-secret-value',
      RELAY_INGEST: 'journal',
    }),
    store,
    now: () => clock,
    // Public addresses for the hook host, as DNS would answer.
    resolve: async () => ['3.33.100.1'],
  });
}

beforeAll(async () => {
  nock = (await import('nock')).default;
  // The relay itself is called on loopback; everything else is nock.
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  store = await openStore('sqlite::memory:');
});

afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

afterAll(async () => {
  await relay?.close();
  await store.close();
  nock.enableNetConnect();
  nock.restore();
});

const tokenGrant = () =>
  nock(HUBSPOT)
    .post('/oauth/v1/token', (body: Record<string, string>) => {
      const scopes = body.scope?.split(' ') ?? [];
      return (
        body.grant_type === 'client_credentials' &&
        body.client_secret === 'client-secret-value' &&
        scopes.includes('developer.webhooks_journal.read') &&
        scopes.includes('crm.objects.contacts.read')
      );
    })
    .reply(200, { access_token: 'app-token', expires_in: 1800, token_type: 'bearer' });

const journalEvent = (eventId: string, occurredAt: number, email: string) => ({
  eventId,
  portalId: PORTAL,
  objectTypeId: '0-1',
  objectId: '42',
  action: 'UPDATE',
  occurredAt,
  propertyName: 'email',
  propertyValue: email,
});

let created: SubscriptionCreated;

/** nock hands fetch requests' headers over as a `Headers` object, http requests' as a plain one. */
function headerRecord(headers: unknown): Record<string, string> {
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  const h = headers as { entries?: () => Iterable<[string, string]> };
  return typeof h.entries === 'function'
    ? Object.fromEntries(h.entries())
    : (headers as Record<string, string>);
}

it('creates the portal’s journal subscription when its first hook subscribes', async () => {
  relay = makeRelay();
  nock(HUBSPOT)
    .get('/oauth/v1/access-tokens/user-token')
    .reply(200, { hub_id: PORTAL, scopes: ['oauth', 'crm.objects.contacts.read'], app_id: 5 });
  tokenGrant();
  nock(HUBSPOT, { reqheaders: { authorization: 'Bearer app-token' } })
    .post('/webhooks-journal/subscriptions/2026-03', {
      subscriptionType: 'OBJECT',
      objectIds: [],
      portalId: PORTAL,
      objectTypeId: '0-1',
      actions: ['UPDATE'],
      properties: ['email'],
    })
    .reply(200, { id: 1, appId: 5, subscriptionType: 'OBJECT', actions: ['UPDATE'], objectTypeId: '0-1' });
  // Listening only: the journal and delivery workers are driven by hand, on the test's clock.
  const url = await relay.listen(0);
  const res = await fetch(`${url}/v1/subscriptions`, {
    method: 'POST',
    headers: { authorization: 'Bearer user-token', 'content-type': 'application/json' },
    body: JSON.stringify({
      targetUrl: `${HOOK}/hooks/standard/1/abc`,
      objectType: 'contacts',
      event: 'propertyChange',
      property: 'email',
    }),
  });
  expect(res.status).toBe(201);
  created = (await res.json()) as SubscriptionCreated;
  expect(created.portalId).toBe(PORTAL);
});

it('reads the journal from its earliest entry, keeps only events after the subscription, and delivers them', async () => {
  clock = T0 + 1_000;
  nock(HUBSPOT, { reqheaders: { authorization: 'Bearer app-token' } })
    .get('/webhooks-journal/journal-local/2026-03/earliest')
    .query({ installPortalId: String(PORTAL) })
    .reply(200, { currentOffset: 'offset-1', url: `${FILES}/1.json`, expiresAt: '2026-11-01T13:00:00Z' })
    .get('/webhooks-journal/journal-local/2026-03/offset/offset-1/next')
    .query({ installPortalId: String(PORTAL) })
    .reply(404, { status: 'error', message: 'No entry after this offset', category: 'OBJECT_NOT_FOUND' })
    // A 404 after the latest entry means caught up.
    .get('/webhooks-journal/journal-local/2026-03/latest')
    .query({ installPortalId: String(PORTAL) })
    .reply(200, { currentOffset: 'offset-1', url: `${FILES}/1.json`, expiresAt: '2026-11-01T13:00:00Z' });
  // The file is fetched from its pre-signed URL without the Authorization header.
  nock(FILES, { badheaders: ['authorization'] })
    .get('/1.json')
    .reply(200, [
      journalEvent('before', T0 - DAY, 'old@example.com'),
      journalEvent('j1', T0 + 500, 'new@example.com'),
      { ...journalEvent('other', T0 + 600, 'x'), propertyName: 'firstname' },
    ]);
  expect(await relay.journal!.runOnce()).toBe(1);

  let received: { headers: Record<string, string>; body: string } | undefined;
  nock(HOOK)
    .post('/hooks/standard/1/abc')
    .reply(200)
    .on('request', (req: { headers: unknown }, _interceptor: unknown, body: string) => {
      received = { headers: headerRecord(req.headers), body };
    });
  expect(await relay.deliverer.runOnce()).toBe(1);
  expect(received).toBeDefined();
  const body = JSON.parse(received!.body);
  expect(body.events).toEqual([
    expect.objectContaining({ eventId: 'j1', objectId: '42', propertyValue: 'new@example.com' }),
  ]);
  expect(verifyDelivery(created.secret, received!.headers, received!.body, clock).ok).toBe(true);
});

it('catches up from its stored offset after two days down, losing nothing', async () => {
  await relay.close();
  clock = T0 + 2 * DAY;
  relay = makeRelay();
  nock(HUBSPOT)
    .get('/webhooks-journal/journal-local/2026-03/offset/offset-1/next')
    .query(true)
    .reply(200, { currentOffset: 'offset-2', url: `${FILES}/2.json`, expiresAt: '2026-11-03T13:00:00Z' })
    .get('/webhooks-journal/journal-local/2026-03/offset/offset-2/next')
    .query(true)
    .reply(204);
  nock(FILES)
    .get('/2.json')
    .reply(200, {
      events: [
        journalEvent('j2', T0 + DAY, 'day1@example.com'),
        journalEvent('j3', T0 + DAY + 5, 'day1b@example.com'),
      ],
    });
  tokenGrant();
  expect(await relay.journal!.runOnce()).toBe(2);
  // Read again: nothing new, no duplicates (the journal offset moved with the events).
  nock(HUBSPOT).get('/webhooks-journal/journal-local/2026-03/offset/offset-2/next').query(true).reply(204);
  clock += 10_000;
  expect(await relay.journal!.runOnce()).toBe(0);

  const delivered: string[] = [];
  nock(HOOK)
    .post('/hooks/standard/1/abc')
    .reply(200)
    .on('request', (_req: unknown, _interceptor: unknown, body: string) => {
      delivered.push(
        ...(JSON.parse(body) as { events: Array<{ eventId: string }> }).events.map((e) => e.eventId),
      );
    });
  await relay.deliverer.runOnce();
  expect(delivered).toEqual(['j2', 'j3']);
});

it('reads on from the earliest entry left when its offset is older than the journal keeps', async () => {
  clock = T0 + 6 * DAY;
  const errors: string[] = [];
  await relay.close();
  relay = createRelay({
    config: loadConfig({
      HUBSPOT_BASE_URL: HUBSPOT,
      HUBSPOT_CLIENT_ID: 'client-id',
      HUBSPOT_CLIENT_SECRET: 'client-secret-value',
      RELAY_INGEST: 'journal',
    }),
    store,
    now: () => clock,
    resolve: async () => ['3.33.100.1'],
    hooks: { workerError: (e) => errors.push(e.error) },
  });
  tokenGrant();
  nock(HUBSPOT)
    .get('/webhooks-journal/journal-local/2026-03/offset/offset-2/next')
    .query(true)
    .reply(404, { status: 'error', message: 'Offset not found', category: 'OBJECT_NOT_FOUND' })
    .get('/webhooks-journal/journal-local/2026-03/latest')
    .query(true)
    .reply(200, { currentOffset: 'offset-9', url: `${FILES}/9.json`, expiresAt: '2026-11-07T13:00:00Z' })
    .get('/webhooks-journal/journal-local/2026-03/earliest')
    .query(true)
    .reply(200, { currentOffset: 'offset-5', url: `${FILES}/5.json`, expiresAt: '2026-11-07T13:00:00Z' })
    .get('/webhooks-journal/journal-local/2026-03/offset/offset-5/next')
    .query(true)
    .reply(204);
  nock(FILES)
    .get('/5.json')
    .reply(200, [journalEvent('j5', T0 + 4 * DAY, 'day4@example.com')]);
  expect(await relay.journal!.runOnce()).toBe(1);
  expect(errors).toEqual([
    "portal 777's journal offset has expired (older than 3 days); reading from the earliest entry",
  ]);
});
