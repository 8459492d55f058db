import { findStandardObjectType } from '../../hubspot/objectTypes';
import type { RelayEvent } from '../../relay/contract';
import { createRecord } from '../../sandbox/objects/write';
import {
  asZapierRawRequest,
  type FakeSubscription,
  signedDelivery,
  startFakeRelay,
} from '../support/fakeRelay';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, testApp } from '../support/zapier';

/**
 * The Zapier hook triggers against the sandbox, subscribed through a tiny stand-in for the events relay (its two
 * contract endpoints; the real relay and the end-to-end test come with it): a delivery of many events costs one
 * HubSpot batch read, counted in the sandbox's request log, and a deletion none.
 */

const contacts = findStandardObjectType('contacts')!;
const deals = findStandardObjectType('deals')!;

describe('Zapier hook triggers against the sandbox and a stand-in relay', () => {
  let sandbox: TestSandbox;
  let relay: Awaited<ReturnType<typeof startFakeRelay>>;
  const saved = { relay: process.env.RELAY_URL, base: process.env.HUBSPOT_BASE_URL };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    relay = await startFakeRelay();
    process.env.RELAY_URL = relay.url;
    process.env.HUBSPOT_BASE_URL = sandbox.url;
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries({ RELAY_URL: saved.relay, HUBSPOT_BASE_URL: saved.base }))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    await relay.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.sandbox.log.clear());

  type Fn = (...args: unknown[]) => unknown;
  const run = (key: string, method: string, bundle: Record<string, unknown>) =>
    appTester(
      (testApp.triggers as unknown as Record<string, { operation: Record<string, Fn> }>)[key]!.operation[
        method
      ] as never,
      { authData: { access_token: sandbox.token }, inputData: {}, meta: {}, ...bundle } as never,
    ) as Promise<unknown>;

  /** What the relay would POST to the hook, as Zapier hands it to perform. */
  const signed = (sub: FakeSubscription, events: RelayEvent[]) =>
    asZapierRawRequest(signedDelivery(sub, events));
  const event = (i: number, objectId: string, extra: Partial<RelayEvent> = {}): RelayEvent => ({
    eventId: `evt_${i}`,
    occurredAt: Date.now(),
    portalId: 62515,
    objectTypeId: '0-1',
    objectId,
    event: 'creation',
    ...extra,
  });

  it('subscribes, reads 40 events of 30 contacts in one batch read, and unsubscribes', async () => {
    const kept = (await run('new_contact_instant', 'performSubscribe', {
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
      inputData: { properties_to_retrieve: ['jobtitle'] },
    })) as { id: string; secret: string };
    const sub = relay.subscriptions.get(kept.id)!;
    expect(sub.body).toEqual({
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
      objectType: 'contacts',
      event: 'creation',
    });
    expect(kept.secret).toBe(sub.secret);

    const ids = Array.from(
      { length: 30 },
      (_, i) =>
        createRecord(sandbox.sandbox.portal, contacts, {
          properties: { email: `hook${i}@example.com`, jobtitle: `Engineer ${i}` },
        }).id,
    );
    // 30 creations, then 10 more events of the first 10 (a retry of the relay, say): 40 items, 30 records.
    const events = [...ids, ...ids.slice(0, 10)].map((id, i) => event(i, id));
    sandbox.sandbox.log.clear();
    const items = (await run('new_contact_instant', 'perform', {
      inputData: { properties_to_retrieve: ['jobtitle'] },
      subscribeData: kept,
      rawRequest: signed(sub, events),
    })) as Array<Record<string, unknown>>;

    const calls = sandbox.sandbox.log.all().map((e) => `${e.method} ${e.path}`);
    expect(calls).toEqual(['POST /crm/v3/objects/contacts/batch/read']);
    expect(items).toHaveLength(40);
    expect(new Set(items.map((i) => i.id)).size).toBe(40);
    expect(items[0]).toMatchObject({ id: 'evt_0', record_id: ids[0], record_found: true });
    expect((items[7]!.properties as Record<string, string>).jobtitle).toBe('Engineer 7');

    await run('new_contact_instant', 'performUnsubscribe', { subscribeData: kept });
    expect(relay.subscriptions.has(kept.id)).toBe(false);
  });

  it('outputs a deleted record from the event alone, with no HubSpot call', async () => {
    const kept = (await run('object_deleted_instant', 'performSubscribe', {
      targetUrl: 'https://hooks.zapier.com/x',
      inputData: { object_type: 'contacts' },
    })) as { id: string; secret: string };
    const sub = relay.subscriptions.get(kept.id)!;
    const items = (await run('object_deleted_instant', 'perform', {
      inputData: { object_type: 'contacts' },
      subscribeData: kept,
      rawRequest: signed(sub, [event(1, '999001', { event: 'deletion' })]),
    })) as Array<Record<string, unknown>>;
    expect(sandbox.sandbox.log.all()).toHaveLength(0);
    expect(items).toEqual([
      expect.objectContaining({ id: 'evt_1', record_id: '999001', record_found: false }),
    ]);
  });

  it('deal stage: keeps only deals of the chosen pipeline, read in the same one call', async () => {
    const kept = (await run('deal_stage_changed_instant', 'performSubscribe', {
      targetUrl: 'https://hooks.zapier.com/y',
      inputData: { pipeline: 'default' },
    })) as { id: string; secret: string };
    const sub = relay.subscriptions.get(kept.id)!;
    expect(sub.body).toMatchObject({ objectType: 'deals', event: 'propertyChange', property: 'dealstage' });
    expect(sub.body.values).toBeUndefined();
    const inDefault = createRecord(sandbox.sandbox.portal, deals, {
      properties: { dealname: 'A', pipeline: 'default', dealstage: 'closedwon' },
    }).id;
    sandbox.sandbox.log.clear();
    const items = (await run('deal_stage_changed_instant', 'perform', {
      inputData: { pipeline: 'default' },
      subscribeData: kept,
      rawRequest: signed(sub, [
        event(1, inDefault, {
          event: 'propertyChange',
          objectTypeId: '0-3',
          propertyName: 'dealstage',
          propertyValue: 'closedwon',
        }),
        // A deal deleted before the read: its pipeline cannot be checked, so it is left out.
        event(2, '987654321', { event: 'propertyChange', objectTypeId: '0-3', propertyName: 'dealstage' }),
      ]),
    })) as Array<Record<string, unknown>>;
    expect(sandbox.sandbox.log.all().map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /crm/v3/objects/deals/batch/read',
    ]);
    expect(items).toEqual([
      expect.objectContaining({ id: 'evt_1', record_id: inDefault, property_value: 'closedwon' }),
    ]);
  });

  it("performList shows the polling trigger's records in the hook's shape", async () => {
    const id = createRecord(sandbox.sandbox.portal, contacts, {
      properties: { email: 'sample@example.com' },
    }).id;
    const items = (await run('new_contact_instant', 'performList', {
      meta: { isLoadingSample: true },
    })) as Array<Record<string, unknown>>;
    const item = items.find((i) => i.record_id === id);
    expect(item).toMatchObject({ id: `sample-${id}`, event: 'creation', record_found: true });
    expect((item!.properties as Record<string, string>).email).toBe('sample@example.com');
  });
});
