import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/config';
import { createRelay, type Relay } from '../../relay/service';
import { openStore } from '../../relay/store';
import type { RelayStore } from '../../relay/store/types';
import type { OAuthApp } from '../../sandbox/state/auth';
import { install } from '../support/journal';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, testApp } from '../support/zapier';
import { type HookCall, startHook, type TestHook } from './support/hook';
import { asMakeRequest, asZapierRequest } from './support/platformHook';
import { startPostgres, type TestPostgres } from './support/postgres';

/**
 * New List Member (Instant), end to end: records join and leave a list in the sandbox, whose webhooks journal reports
 * them (`LIST_MEMBERSHIP`, ADDED_TO_LIST / REMOVED_FROM_LIST); the real relay (`RELAY_INGEST=journal`) reads the
 * journal and delivers to a local hook; the Zapier hook trigger and the Make webhook + instant module turn each
 * delivery into items with the member read. Unsubscribing both removes the portal's journal subscription, and
 * deleting relay subscriptions narrows an OBJECT journal subscription step by step (issue 11 follow-up: a deleted
 * subscription no longer leaves the journal as wide as before).
 */

type Item = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

const ok = async (res: Response) => {
  if (!res.ok) throw new Error(`sandbox answered ${res.status}: ${await res.text()}`);
  return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
};

describe.each(['sqlite', 'postgres'] as const)(
  'list membership through the journal on the %s store',
  (kind) => {
    let pg: TestPostgres | undefined;
    let dir: string;
    let hub: TestSandbox;
    let app: OAuthApp;
    let hook: TestHook;
    let store: RelayStore;
    let relay: Relay;
    let relayUrl: string;
    let userToken: string;
    let make: MakeRunner;
    const saved = { relay: process.env.RELAY_URL, base: process.env.HUBSPOT_BASE_URL };

    beforeAll(async () => {
      if (kind === 'postgres') pg = await startPostgres();
      dir = mkdtempSync(join(tmpdir(), 'relay-lists-'));
      hub = await startTestSandbox();
      app = hub.sandbox.portal.auth.registerOAuthApp();
      await install(hub, app);
      userToken = hub.sandbox.portal.auth.issueOAuthTokens(app, [
        'oauth',
        'crm.objects.contacts.read',
        'crm.objects.contacts.write',
        'crm.lists.read',
      ]).accessToken;
      hook = await startHook();
      store = await openStore(pg ? pg.url : `sqlite:${join(dir, 'relay.db')}`);
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
        pollMs: 50,
      });
      relayUrl = await relay.listen(0);
      await relay.start();
      process.env.RELAY_URL = relayUrl;
      process.env.HUBSPOT_BASE_URL = hub.url;
      make = new MakeRunner(hub.url, { accessToken: userToken });
    }, 60_000);

    afterAll(async () => {
      for (const [name, value] of Object.entries({ RELAY_URL: saved.relay, HUBSPOT_BASE_URL: saved.base }))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      await relay?.close();
      await store?.close();
      await hook?.close();
      await hub?.close();
      await pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const zapier = (method: string, bundle: Record<string, unknown>) =>
      appTester(
        (testApp.triggers as unknown as Record<string, { operation: Record<string, Fn> }>)
          .new_list_member_instant!.operation[method] as never,
        { authData: { access_token: userToken }, inputData: {}, meta: {}, ...bundle } as never,
      ) as Promise<unknown>;
    const contact = async (email: string) =>
      String((await ok(await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email } }))).id);
    const list = async (name: string) =>
      String(
        (
          (await ok(
            await hub.call('POST', '/crm/v3/lists', { name, objectTypeId: '0-1', processingType: 'MANUAL' }),
          )) as { list: { listId: string } }
        ).list.listId,
      );
    const members = (listId: string, change: 'add' | 'remove', ids: string[]) =>
      hub.call('PUT', `/crm/v3/lists/${listId}/memberships/${change}`, ids).then(ok);
    const journalSubscriptions = () =>
      hub.sandbox.portal.journal.subscriptionsOf(app.appId).map((s) => ({
        type: s.subscriptionType,
        objectTypeId: s.objectTypeId,
        actions: [...s.actions].sort(),
        properties: [...s.properties].sort(),
        listIds: s.listIds,
      }));
    const callsOf = (id: string): HookCall[] => hook.calls.filter((c) => c.delivery.subscriptionId === id);
    const eventsOf = (id: string) => callsOf(id).flatMap((c) => c.delivery.events);
    const crmReads = () =>
      hub.sandbox.log
        .all()
        .filter((e) => e.path.startsWith('/crm/'))
        .map((e) => `${e.method} ${e.path}`);

    it('delivers additions (and removals when asked) of the chosen list only, on Zapier and Make', async () => {
      const tag = `${kind}-${Date.now()}`;
      const [ada, bob, eve] = [
        await contact(`ada-${tag}@example.com`),
        await contact(`bob-${tag}@example.com`),
        await contact(`eve-${tag}@example.com`),
      ];
      const watched = await list(`Watched ${tag}`);
      const other = await list(`Other ${tag}`);

      const kept = (await zapier('performSubscribe', {
        targetUrl: `${hook.url}/zapier/list`,
        inputData: { list_id: watched },
      })) as { id: string; secret: string; portalId: number };
      const makeInput = { list_id: watched, include_removals: true };
      const attached = await make.attach(
        'watchNewListMemberInstant',
        makeInput,
        { relayUrl },
        `${hook.url}/make/list`,
      );
      const makeId = String(attached.id);
      // The relay read the list's object type; one journal subscription names the list.
      expect(await store.subscription(kept.id)).toMatchObject({
        event: 'listMembership',
        listId: watched,
        objectTypeId: '0-1',
      });
      expect(journalSubscriptions()).toEqual([
        {
          type: 'LIST_MEMBERSHIP',
          objectTypeId: '0-1',
          actions: ['ADDED_TO_LIST', 'REMOVED_FROM_LIST'],
          properties: [],
          listIds: [Number(watched)],
        },
      ]);

      await members(watched, 'add', [ada, bob]);
      await members(other, 'add', [eve]);
      await members(watched, 'remove', [ada]);
      for (const id of [kept.id, makeId]) {
        await hook.waitFor(() => eventsOf(id).length >= 3, 15_000);
      }
      // Both subscriptions get the list's three changes, and nothing of the other list.
      for (const id of [kept.id, makeId]) {
        expect(eventsOf(id).map((e) => [e.objectId, e.list])).toEqual([
          [ada, { listId: watched, removed: false }],
          [bob, { listId: watched, removed: false }],
          [ada, { listId: watched, removed: true }],
        ]);
      }

      // Zapier: additions only (removals not asked for), the members read in one batch read per delivery.
      hub.sandbox.log.clear();
      const zapierItems: Item[] = [];
      for (const call of callsOf(kept.id)) {
        zapierItems.push(
          ...((await zapier('perform', {
            inputData: { list_id: watched },
            subscribeData: kept,
            ...asZapierRequest(call),
          })) as Item[]),
        );
      }
      expect(zapierItems.map((i) => [i.record_id, i.membership_removed])).toEqual([
        [ada, false],
        [bob, false],
      ]);
      expect(zapierItems[0]).toMatchObject({ event: 'listMembership', list_id: watched, record_found: true });
      expect((zapierItems[1]!.properties as Record<string, string>).email).toBe(`bob-${tag}@example.com`);
      const reads = crmReads();
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.length).toBeLessThanOrEqual(callsOf(kept.id).length);
      for (const read of reads) expect(read).toBe('POST /crm/v3/objects/contacts/batch/read');

      // Make: the webhook's filter keeps removals when asked, and the module reads each member.
      const bundles: Item[] = [];
      for (const call of callsOf(makeId)) {
        bundles.push(...(await make.instant('watchNewListMemberInstant', asMakeRequest(call), makeInput)));
      }
      expect(bundles.map((b) => [b.record_id, b.membership_removed, b.record_found])).toEqual([
        [ada, false, true],
        [bob, false, true],
        [ada, true, true],
      ]);
      expect(bundles[2]).toMatchObject({ list_id: watched });
      expect((bundles[1]!.properties as Record<string, string>).email).toBe(`bob-${tag}@example.com`);

      // Both gone: the journal subscription the list needed goes with them.
      await zapier('performUnsubscribe', { subscribeData: kept });
      expect(journalSubscriptions()).toHaveLength(1);
      await make.detach('watchNewListMemberInstant', makeInput, { relayUrl }, attached);
      expect(await store.subscription(makeId)).toBeUndefined();
      expect(journalSubscriptions()).toEqual([]);
    }, 60_000);

    it('refuses a list membership without a list, or with a list the portal lacks, naming listId', async () => {
      const post = (body: Record<string, unknown>) =>
        fetch(`${relayUrl}/v1/subscriptions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ targetUrl: `${hook.url}/refused`, event: 'listMembership', ...body }),
        }).then(async (r) => [r.status, (await r.json()) as { field?: string; message: string }] as const);
      const [missing, missingBody] = await post({});
      expect([missing, missingBody.field]).toEqual([400, 'listId']);
      expect(missingBody.message).toMatch(/listId is required for listMembership/);
      const [unknown, unknownBody] = await post({ listId: '987654' });
      expect([unknown, unknownBody.field]).toEqual([400, 'listId']);
      expect(unknownBody.message).toMatch(/987654 is not a list of portal/);
      const [wrong, wrongBody] = await post({ listId: '12', objectType: 'contacts', event: 'creation' });
      expect([wrong, wrongBody.field]).toEqual([400, 'listId']);
    });

    it('narrows the OBJECT journal subscription as relay subscriptions go, and removes it with the last', async () => {
      const subscribe = async (body: Record<string, unknown>) => {
        const res = await fetch(`${relayUrl}/v1/subscriptions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ targetUrl: `${hook.url}/narrow`, objectType: 'contacts', ...body }),
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: string }).id;
      };
      const remove = async (id: string) => {
        const res = await fetch(`${relayUrl}/v1/subscriptions/${id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${userToken}` },
        });
        expect(res.status).toBe(204);
      };
      const created = await subscribe({ event: 'creation' });
      const titles = await subscribe({ event: 'propertyChange', property: 'jobtitle' });
      const phones = await subscribe({ event: 'propertyChange', property: 'phone' });
      const object = (actions: string[], properties: string[]) => [
        { type: 'OBJECT', objectTypeId: '0-1', actions, properties, listIds: [] },
      ];
      expect(journalSubscriptions()).toEqual(object(['CREATE', 'UPDATE'], ['jobtitle', 'phone']));

      await remove(phones);
      expect(journalSubscriptions()).toEqual(object(['CREATE', 'UPDATE'], ['jobtitle']));
      await remove(titles);
      expect(journalSubscriptions()).toEqual(object(['CREATE'], []));
      await remove(created);
      expect(journalSubscriptions()).toEqual([]);
    });

    it('removes the journal subscription once the last hook that needed it answers 410 Gone', async () => {
      const res = await fetch(`${relayUrl}/v1/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ targetUrl: `${hook.url}/gone`, objectType: 'contacts', event: 'creation' }),
      });
      const { id } = (await res.json()) as { id: string };
      expect(journalSubscriptions()).toHaveLength(1);
      hook.answer(410);
      try {
        await contact(`gone-${kind}-${Date.now()}@example.com`);
        await hook.waitFor((calls) => calls.some((c) => c.delivery.subscriptionId === id), 15_000);
        const until = Date.now() + 10_000;
        while (journalSubscriptions().length > 0 && Date.now() < until)
          await new Promise((r) => setTimeout(r, 50));
        expect(await store.subscription(id)).toBeUndefined();
        expect(journalSubscriptions()).toEqual([]);
      } finally {
        hook.answer(200);
      }
    }, 30_000);
  },
);

describe('list membership on a push-only relay', () => {
  it('is refused: HubSpot pushes no list membership events', async () => {
    const hub = await startTestSandbox();
    const app = hub.sandbox.portal.auth.registerOAuthApp();
    const token = hub.sandbox.portal.auth.issueOAuthTokens(app, ['oauth', 'crm.lists.read']).accessToken;
    const store = await openStore('sqlite::memory:');
    const relay = createRelay({
      config: loadConfig({ HUBSPOT_BASE_URL: hub.url, RELAY_ALLOWED_TARGETS: '127.0.0.1' }),
      store,
    });
    try {
      const url = await relay.listen(0);
      const res = await fetch(`${url}/v1/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ targetUrl: 'http://127.0.0.1:9/hook', event: 'listMembership', listId: '1' }),
      });
      const body = (await res.json()) as { field?: string; message: string };
      expect([res.status, body.field]).toEqual([400, 'event']);
      expect(body.message).toMatch(/needs the webhooks journal \(RELAY_INGEST=journal or both\)/);
      expect(await store.allSubscriptions()).toEqual([]);
    } finally {
      await relay.close();
      await store.close();
      await hub.close();
    }
  });
});
