import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/config';
import { signDelivery } from '../../relay/contract';
import { createRelay, type Relay } from '../../relay/service';
import { openStore } from '../../relay/store';
import type { RelayStore } from '../../relay/store/types';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, testApp } from '../support/zapier';
import { type HookCall, startHook, type TestHook } from './support/hook';
import { asMakeRequest, asZapierRequest } from './support/platformHook';
import { startPostgres, type TestPostgres } from './support/postgres';

/**
 * Issue 11, end to end: the sandbox (HubSpot, an OAuth app a portal installed, pushing signed webhooks v3) → the real
 * relay (in process, on a real port, on either store) → a local hook standing for Zapier's and Make's hook URLs. The
 * Zapier app subscribes with its own `performSubscribe` and reads each delivery with its own `perform`, as Zapier
 * hands it the hook's request; the Make app attaches its webhook and runs the delivery through its webhook and
 * instant trigger module in the IML runner. Both unsubscribe, and the relay's subscription is gone.
 */

type Item = Record<string, unknown>;
interface Expected {
  recordId: string;
  /** HubSpot reads a delivery costs on Zapier: one batch read, none for a deletion. */
  reads: number;
  check(item: Item): void;
}
interface Case {
  name: string;
  zapier: string;
  make: string;
  input: Record<string, unknown>;
  /** Records the event needs, made before subscribing so that only the change itself is delivered. */
  prepare(hub: TestSandbox, tag: string): Promise<Record<string, string>>;
  act(hub: TestSandbox, ids: Record<string, string>): Promise<Expected>;
}

const ok = async (res: Response) => {
  if (!res.ok) throw new Error(`sandbox answered ${res.status}: ${await res.text()}`);
  return res.status === 204 ? {} : ((await res.json()) as { id: string });
};
const create = async (hub: TestSandbox, type: string, properties: Record<string, string>) =>
  ((await ok(await hub.call('POST', `/crm/v3/objects/${type}`, { properties }))) as { id: string }).id;

const CASES: Case[] = [
  {
    name: 'new contact',
    zapier: 'new_contact_instant',
    make: 'watchNewContactInstant',
    input: {},
    prepare: async () => ({}),
    act: async (hub) => {
      const id = await create(hub, 'contacts', { email: `new-${Date.now()}@example.com`, firstname: 'Ada' });
      return {
        recordId: id,
        reads: 1,
        check: (item) => {
          expect(item).toMatchObject({ record_id: id, event: 'creation', record_found: true });
          expect((item.properties as Record<string, string>).firstname).toBe('Ada');
        },
      };
    },
  },
  {
    name: 'contact property change',
    zapier: 'contact_property_change_instant',
    make: 'watchContactPropertyChangeInstant',
    input: { property: 'jobtitle' },
    prepare: async (hub, tag) => ({
      contact: await create(hub, 'contacts', { email: `prop-${tag}@example.com` }),
    }),
    act: async (hub, { contact }) => {
      await ok(
        await hub.call('PATCH', `/crm/v3/objects/contacts/${contact}`, { properties: { jobtitle: 'CEO' } }),
      );
      return {
        recordId: contact!,
        reads: 1,
        check: (item) =>
          expect(item).toMatchObject({
            record_id: contact,
            event: 'propertyChange',
            property_name: 'jobtitle',
            property_value: 'CEO',
            record_found: true,
          }),
      };
    },
  },
  {
    name: 'deal stage changed',
    zapier: 'deal_stage_changed_instant',
    make: 'watchDealStageChangedInstant',
    input: { pipeline: 'default' },
    prepare: async (hub, tag) => ({
      deal: await create(hub, 'deals', {
        dealname: `Deal ${tag}`,
        pipeline: 'default',
        dealstage: 'appointmentscheduled',
      }),
    }),
    act: async (hub, { deal }) => {
      await ok(
        await hub.call('PATCH', `/crm/v3/objects/deals/${deal}`, { properties: { dealstage: 'closedwon' } }),
      );
      return {
        recordId: deal!,
        reads: 1,
        check: (item) =>
          expect(item).toMatchObject({
            record_id: deal,
            property_name: 'dealstage',
            property_value: 'closedwon',
            record_found: true,
          }),
      };
    },
  },
  {
    name: 'object deleted',
    zapier: 'object_deleted_instant',
    make: 'watchObjectDeletedInstant',
    input: { object_type: 'contacts' },
    prepare: async (hub, tag) => ({
      contact: await create(hub, 'contacts', { email: `del-${tag}@example.com` }),
    }),
    act: async (hub, { contact }) => {
      await ok(await hub.call('DELETE', `/crm/v3/objects/contacts/${contact}`));
      return {
        recordId: contact!,
        reads: 0,
        check: (item) =>
          expect(item).toMatchObject({ record_id: contact, event: 'deletion', record_found: false }),
      };
    },
  },
  {
    name: 'association changed',
    zapier: 'association_changed_instant',
    make: 'watchAssociationChangedInstant',
    input: { object_type: 'contacts' },
    prepare: async (hub, tag) => ({
      contact: await create(hub, 'contacts', { email: `assoc-${tag}@example.com` }),
      company: await create(hub, 'companies', { name: `Company ${tag}` }),
    }),
    act: async (hub, { contact, company }) => {
      await ok(
        await hub.call(
          'PUT',
          `/crm/v4/objects/contacts/${contact}/associations/default/companies/${company}`,
        ),
      );
      return {
        recordId: contact!,
        reads: 1,
        check: (item) =>
          expect(item).toMatchObject({
            record_id: contact,
            event: 'associationChange',
            association_object_type_id: '0-2',
            association_record_id: company,
            record_found: true,
          }),
      };
    },
  },
  {
    name: 'records merged',
    zapier: 'records_merged_instant',
    make: 'watchRecordsMergedInstant',
    input: { object_type: 'contacts' },
    prepare: async (hub, tag) => ({
      kept: await create(hub, 'contacts', { email: `kept-${tag}@example.com` }),
      merged: await create(hub, 'contacts', { email: `merged-${tag}@example.com` }),
    }),
    act: async (hub, { kept, merged }) => {
      await ok(
        await hub.call('POST', '/crm/v3/objects/contacts/merge', {
          primaryObjectId: kept,
          objectIdToMerge: merged,
        }),
      );
      return {
        recordId: kept!,
        reads: 1,
        check: (item) => {
          expect(item).toMatchObject({ event: 'merge', primary_record_id: kept, record_found: true });
          expect(String(item.merged_record_ids).split(',')).toContain(merged);
        },
      };
    },
  },
];

describe.each(['sqlite', 'postgres'] as const)(
  'sandbox → relay → Zapier and Make on the %s store',
  (kind) => {
    let pg: TestPostgres | undefined;
    let dir: string;
    let hub: TestSandbox;
    let hook: TestHook;
    let store: RelayStore;
    let relay: Relay;
    let relayUrl: string;
    let userToken: string;
    let make: MakeRunner;
    const saved = { relay: process.env.RELAY_URL, base: process.env.HUBSPOT_BASE_URL };
    // What DNS answers for Zapier's hook host here: a private address, which the relay must refuse.
    const resolved: Record<string, string[]> = { 'hooks.zapier.com': ['10.1.2.3'] };

    beforeAll(async () => {
      if (kind === 'postgres') pg = await startPostgres();
      dir = mkdtempSync(join(tmpdir(), 'relay-e2e-'));
      hub = await startTestSandbox();
      const app = hub.sandbox.portal.auth.registerOAuthApp();
      userToken = hub.sandbox.portal.auth.issueOAuthTokens(app, [
        'oauth',
        'crm.objects.contacts.read',
        'crm.objects.contacts.write',
        'crm.objects.companies.read',
        'crm.objects.deals.read',
      ]).accessToken;
      hook = await startHook();
      store = await openStore(pg ? pg.url : `sqlite:${join(dir, 'relay.db')}`);
      relay = createRelay({
        config: loadConfig({
          HUBSPOT_BASE_URL: hub.url,
          HUBSPOT_CLIENT_ID: app.clientId,
          HUBSPOT_CLIENT_SECRET: app.clientSecret,
          HUBSPOT_APP_ID: String(app.appId),
          HUBSPOT_DEVELOPER_API_KEY: hub.sandbox.portal.auth.developerApiKey,
          // The local hook's host, listed explicitly (loopback and http are allowed only so), and Zapier's.
          RELAY_ALLOWED_TARGETS: '127.0.0.1,hooks.zapier.com',
        }),
        store,
        pollMs: 50,
        resolve: async (host) => resolved[host] ?? ['127.0.0.1'],
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

    type Fn = (...args: unknown[]) => unknown;
    const zapier = (key: string, method: string, bundle: Record<string, unknown>) =>
      appTester(
        (testApp.triggers as unknown as Record<string, { operation: Record<string, Fn> }>)[key]!.operation[
          method
        ] as never,
        { authData: { access_token: userToken }, inputData: {}, meta: {}, ...bundle } as never,
      ) as Promise<unknown>;
    const callOf = (subscriptionId: string): HookCall =>
      hook.calls.find((c) => c.delivery.subscriptionId === subscriptionId)!;
    const crmCalls = () =>
      hub.sandbox.log
        .all()
        .filter((e) => e.path.startsWith('/crm/'))
        .map((e) => `${e.method} ${e.path}`);

    it.each(CASES)(
      '$name: subscribed, delivered, read and unsubscribed on both platforms',
      async (c) => {
        const tag = `${kind}-${c.zapier}`;
        const ids = await c.prepare(hub, tag);
        const kept = (await zapier(c.zapier, 'performSubscribe', {
          targetUrl: `${hook.url}/zapier/${c.zapier}`,
          inputData: c.input,
        })) as { id: string; secret: string; portalId: number };
        expect(kept.portalId).toBe(hub.sandbox.portal.info.portalId);
        const common = { relayUrl };
        const attached = await make.attach(c.make, c.input, common, `${hook.url}/make/${c.make}`);
        const makeId = String(attached.id);
        expect(await store.subscription(makeId)).toBeDefined();

        const expected = await c.act(hub, ids);
        await hook.waitFor((calls) =>
          [kept.id, makeId].every((id) => calls.some((call) => call.delivery.subscriptionId === id)),
        );

        // Zapier: the hook's request, as Zapier hands it to perform; the records read in one batch read.
        hub.sandbox.log.clear();
        const items = (await zapier(c.zapier, 'perform', {
          inputData: c.input,
          subscribeData: kept,
          ...asZapierRequest(callOf(kept.id)),
        })) as Item[];
        const reads = crmCalls();
        expect(reads).toHaveLength(expected.reads);
        for (const call of reads) expect(call).toMatch(/^POST \/crm\/v3\/objects\/\w+\/batch\/read$/);
        const zapierItem = items.find((i) => i.record_id === expected.recordId);
        expect(zapierItem).toBeDefined();
        expected.check(zapierItem!);

        // Make: the same event through the webhook and the instant trigger module.
        const bundles = await make.instant(c.make, asMakeRequest(callOf(makeId)), c.input);
        const makeItem = bundles.find((b) => b.record_id === expected.recordId);
        expect(makeItem).toBeDefined();
        expected.check(makeItem!);

        await zapier(c.zapier, 'performUnsubscribe', { subscribeData: kept });
        await make.detach(c.make, c.input, common, attached);
        expect(await store.subscription(kept.id)).toBeUndefined();
        expect(await store.subscription(makeId)).toBeUndefined();
      },
      30_000,
    );

    describe('refusals, as each platform shows them', () => {
      it('a foreign hook host and an allowed host resolving to a private address', async () => {
        await expect(
          zapier('new_contact_instant', 'performSubscribe', { targetUrl: 'https://evil.example.com/hook' }),
        ).rejects.toThrow(
          /events relay refused to subscribe this trigger \(HTTP 400\).*evil\.example\.com is not/,
        );
        await expect(
          zapier('new_contact_instant', 'performSubscribe', {
            targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
          }),
        ).rejects.toThrow(/resolves to 10\.1\.2\.3, a private, loopback or link-local address/);
        await expect(
          make.attach('watchNewContactInstant', {}, { relayUrl }, 'https://evil.example.com/make'),
        ).rejects.toThrow(/evil\.example\.com is not/);
      });

      it('a delivery with a bad signature or a stale timestamp never reaches HubSpot', async () => {
        const kept = (await zapier('new_contact_instant', 'performSubscribe', {
          targetUrl: `${hook.url}/zapier/refusals`,
        })) as { id: string; secret: string };
        const contact = await create(hub, 'contacts', { email: `refusal-${kind}@example.com` });
        await hook.waitFor((calls) => calls.some((call) => call.delivery.subscriptionId === kept.id));
        const call = callOf(kept.id);
        hub.sandbox.log.clear();
        const tampered = { ...call, body: call.body.replace(contact, `${contact}9`) };
        await expect(
          zapier('new_contact_instant', 'perform', { subscribeData: kept, ...asZapierRequest(tampered) }),
        ).rejects.toThrow(/Refused a delivery to .*New Contact.*the delivery signature does not match/);
        // Correctly signed with the subscription's secret, six minutes ago: a replay.
        const at = Math.floor(Date.now() / 1000) - 6 * 60;
        const replay: HookCall = {
          ...call,
          headers: {
            'webhook-id': 'msg_replayed',
            'webhook-timestamp': String(at),
            'webhook-signature': signDelivery(kept.secret, 'msg_replayed', at, call.body),
          },
        };
        await expect(
          zapier('new_contact_instant', 'perform', { subscribeData: kept, ...asZapierRequest(replay) }),
        ).rejects.toThrow(/the delivery timestamp is more than 5 minutes away/);
        expect(crmCalls()).toEqual([]);
        await zapier('new_contact_instant', 'performUnsubscribe', { subscribeData: kept });
      });

      it('an unsubscribe of another portal’s subscription', async () => {
        await store.addSubscription(
          {
            id: `sub_foreign_${kind}`,
            portalId: 1,
            targetUrl: `${hook.url}/other-portal`,
            objectType: 'contacts',
            objectTypeId: '0-1',
            event: 'creation',
            secret: 'whsec_eA==',
            createdAt: Date.now(),
          },
          10,
        );
        await expect(
          zapier('new_contact_instant', 'performUnsubscribe', {
            subscribeData: { id: `sub_foreign_${kind}`, secret: 'whsec_eA==' },
          }),
        ).rejects.toThrow(/HTTP 403.*belongs to another HubSpot portal than the access token's/);
        await expect(
          make.detach('watchNewContactInstant', {}, { relayUrl }, { id: `sub_foreign_${kind}` }),
        ).rejects.toThrow(/403|another HubSpot portal/);
        expect(await store.subscription(`sub_foreign_${kind}`)).toBeDefined();
      });
    });
  },
);
