import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/config';
import { type RelayEvent, type SubscriptionCreated, verifyDelivery } from '../../relay/contract';
import { createRelay, type Relay } from '../../relay/service';
import { openStore } from '../../relay/store';
import type { RelayStore } from '../../relay/store/types';
import type { OAuthApp } from '../../sandbox/state/auth';
import { install } from '../support/journal';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { startHook, type TestHook } from './support/hook';
import { OffsetClock } from './support/offsetClock';
import { startPostgres, type TestPostgres } from './support/postgres';

/**
 * The pull way in, end to end: the relay (`RELAY_INGEST=journal`) subscribes the portal in the sandbox's webhooks
 * journal, reads its entries and downloads their files, and delivers to a local hook. Stopped for two days of the
 * sandbox's clock (the journal keeps three:
 * https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide), a restarted relay
 * reads on from its stored offset and delivers everything that happened meanwhile, once.
 */
const DAY = 24 * 3_600_000;

describe.each(['sqlite', 'postgres'] as const)('journal path on the %s store', (kind) => {
  const clock = new OffsetClock();
  let pg: TestPostgres | undefined;
  let dir: string;
  let databaseUrl: string;
  let hub: TestSandbox;
  let hook: TestHook;
  let app: OAuthApp;
  let userToken: string;
  let store: RelayStore | undefined;
  let relay: Relay | undefined;
  let relayUrl = '';

  const startRelay = async (now: () => number = () => clock.now()) => {
    store = await openStore(databaseUrl);
    relay = createRelay({
      config: loadConfig({
        HUBSPOT_BASE_URL: hub.url,
        HUBSPOT_CLIENT_ID: app.clientId,
        HUBSPOT_CLIENT_SECRET: app.clientSecret,
        RELAY_INGEST: 'journal',
        RELAY_JOURNAL_INTERVAL_MS: '100',
        RELAY_ALLOWED_TARGETS: '127.0.0.1',
      }),
      store,
      // The sandbox's clock: token lifetimes, subscription times and signatures are read against HubSpot's time.
      now,
      pollMs: 50,
    });
    relayUrl = await relay.listen(0);
    await relay.start();
    return relayUrl;
  };
  const stopRelay = async () => {
    await relay?.close();
    await store?.close();
    relay = undefined;
    store = undefined;
  };

  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'relay-journal-'));
    databaseUrl = pg ? pg.url : `sqlite:${join(dir, 'relay.db')}`;
    hub = await startTestSandbox({ clock });
    app = hub.sandbox.portal.auth.registerOAuthApp();
    await install(hub, app);
    userToken = hub.sandbox.portal.auth.issueOAuthTokens(app, [
      'oauth',
      'crm.objects.contacts.read',
      'crm.objects.contacts.write',
    ]).accessToken;
    hook = await startHook();
  }, 60_000);

  afterAll(async () => {
    await stopRelay();
    await hook?.close();
    await hub?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const contactCall = async (method: string, path: string, properties: Record<string, string>) => {
    const res = await hub.call(method, `/crm/v3/objects/contacts${path}`, { properties });
    expect(res.ok).toBe(true);
    return ((await res.json()) as { id: string }).id;
  };
  const subscribe = async (body: Record<string, unknown>) => {
    const res = await fetch(`${relayUrl}/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targetUrl: hook.url, objectType: 'contacts', ...body }),
    });
    const answer = (await res.json()) as SubscriptionCreated;
    // The answer first: a refusal's message says why.
    expect([res.status, answer]).toEqual([201, expect.objectContaining({ secret: expect.any(String) })]);
    return answer;
  };
  const delivered = (subscriptionId: string): RelayEvent[] =>
    hook.calls.filter((c) => c.delivery.subscriptionId === subscriptionId).flatMap((c) => c.delivery.events);

  it('delivers from the journal, and catches up after two days down with nothing lost or repeated', async () => {
    await startRelay();
    const creations = await subscribe({ event: 'creation' });
    const titles = await subscribe({ event: 'propertyChange', property: 'jobtitle' });
    // The relay subscribed the portal in the journal itself, with both actions and the property.
    const journal = hub.sandbox.portal.journal.subscriptionsOf(app.appId);
    expect(journal).toEqual([
      expect.objectContaining({
        portalId: hub.sandbox.portal.info.portalId,
        objectTypeId: '0-1',
        actions: expect.arrayContaining(['CREATE', 'UPDATE']),
        properties: ['jobtitle'],
      }),
    ]);

    const before = await contactCall('POST', '', { email: `before-${kind}@example.com` });
    await hook.waitFor(() => delivered(creations.id).length === 1);
    const first = hook.calls.find((c) => c.delivery.subscriptionId === creations.id)!;
    expect(verifyDelivery(creations.secret, first.headers, first.body, clock.now())).toEqual({ ok: true });
    expect(delivered(creations.id)).toEqual([
      expect.objectContaining({ event: 'creation', objectTypeId: '0-1', objectId: before }),
    ]);

    await stopRelay();
    const a = await contactCall('POST', '', { email: `a-${kind}@example.com` });
    clock.advance(DAY);
    await contactCall('PATCH', `/${a}`, { jobtitle: 'CEO' });
    const b = await contactCall('POST', '', { email: `b-${kind}@example.com` });
    clock.advance(DAY + 3_600_000);
    const c = await contactCall('POST', '', { email: `c-${kind}@example.com`, jobtitle: 'CTO' });

    await startRelay();
    await hook.waitFor(() => delivered(creations.id).length >= 4 && delivered(titles.id).length >= 1);
    // Give a repeat the time it would need to show up.
    await new Promise((r) => setTimeout(r, 500));
    expect(delivered(creations.id).map((e) => e.objectId)).toEqual([before, a, b, c]);
    expect(delivered(titles.id).map((e) => [e.objectId, e.propertyName, e.propertyValue])).toEqual([
      [a, 'jobtitle', 'CEO'],
    ]);
    const late = hook.calls.filter((call) => call.delivery.subscriptionId === creations.id).at(-1)!;
    expect(verifyDelivery(creations.secret, late.headers, late.body, clock.now())).toEqual({ ok: true });
  }, 60_000);

  it('subscribes associations and merges in the journal too, and delivers them', async () => {
    // The user's token from before the two days has expired on the sandbox's clock: the user reconnected.
    userToken = hub.sandbox.portal.auth.issueOAuthTokens(app, [
      'oauth',
      'crm.objects.contacts.read',
    ]).accessToken;
    const contact = await contactCall('POST', '', { email: `assoc-${kind}@example.com` });
    const loser = await contactCall('POST', '', { email: `loser-${kind}@example.com` });
    const company = await hub.call('POST', '/crm/v3/objects/companies', {
      properties: { name: `Co ${kind}` },
    });
    const companyId = ((await company.json()) as { id: string }).id;
    const associations = await subscribe({ event: 'associationChange' });
    const merges = await subscribe({ event: 'merge' });
    // HubSpot keeps associations apart from object changes: an ASSOCIATION subscription beside the OBJECT one.
    const types = hub.sandbox.portal.journal
      .subscriptionsOf(app.appId)
      .map((s) => [s.subscriptionType, [...s.actions].sort()]);
    expect(types).toEqual(
      expect.arrayContaining([
        ['OBJECT', ['CREATE', 'MERGE', 'UPDATE']],
        ['ASSOCIATION', ['ASSOCIATION_ADDED', 'ASSOCIATION_REMOVED']],
      ]),
    );

    const put = await hub.call(
      'PUT',
      `/crm/v4/objects/contacts/${contact}/associations/default/companies/${companyId}`,
    );
    expect(put.status).toBe(200);
    const merge = await hub.call('POST', '/crm/v3/objects/contacts/merge', {
      primaryObjectId: contact,
      objectIdToMerge: loser,
    });
    expect(merge.status).toBe(200);
    await hook.waitFor(() => delivered(associations.id).length > 0 && delivered(merges.id).length > 0);
    expect(delivered(associations.id)).toContainEqual(
      expect.objectContaining({
        objectId: contact,
        association: expect.objectContaining({
          toObjectTypeId: '0-2',
          toObjectId: companyId,
          removed: false,
        }),
      }),
    );
    expect(delivered(merges.id)).toEqual([
      expect.objectContaining({ event: 'merge', primaryObjectId: contact, mergedObjectIds: [loser] }),
    ]);
  }, 30_000);

  it('gets a new app token when HubSpot says the one it holds has expired', async () => {
    // A relay on its own clock, and HubSpot's an hour ahead of it by the time of the next read: the app token it
    // keeps for 30 minutes is expired for HubSpot (401), as a revoked one would be.
    await stopRelay();
    const agreed = clock.now() - Date.now();
    await startRelay(() => Date.now() + agreed);
    const creations = (await store!.allSubscriptions()).find((s) => s.event === 'creation')!;
    const early = await contactCall('POST', '', { email: `token-early-${kind}@example.com` });
    await hook.waitFor(() => delivered(creations.id).some((e) => e.objectId === early));
    clock.advance(3_600_000);
    const late = await contactCall('POST', '', { email: `token-late-${kind}@example.com` });
    await hook.waitFor(() => delivered(creations.id).some((e) => e.objectId === late), 5_000);
  }, 30_000);
});
