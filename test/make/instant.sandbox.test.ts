import { findStandardObjectType } from '../../hubspot/objectTypes';
import { evaluateString } from '../../make/iml/evaluate';
import { NotDocumentedError } from '../../make/iml/functions';
import { runInstantTrigger, runWebhook } from '../../make/iml/webhook';
import type { RelayEvent } from '../../relay/contract';
import { createRecord } from '../../sandbox/objects/write';
import { signedDelivery, startFakeRelay } from '../support/fakeRelay';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * The Make instant triggers, run by the strict IML runner: `attach` subscribes the webhook's URL with the relay (a
 * stand-in of its contract), the webhook turns a delivery into one bundle per event, the module reads each bundle's
 * record from the sandbox, and `detach` removes the subscription.
 */

const contacts = findStandardObjectType('contacts')!;
const deals = findStandardObjectType('deals')!;
const HOOK = 'https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz012345';

describe('Make instant triggers against the sandbox and a stand-in relay', () => {
  let t: TestSandbox;
  let relay: Awaited<ReturnType<typeof startFakeRelay>>;
  let make: MakeRunner;
  let common: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestSandbox();
    relay = await startFakeRelay();
    make = new MakeRunner(t.url, { accessToken: t.token });
    common = { relayUrl: relay.url };
  });
  afterAll(async () => {
    await relay.close();
    await t.close();
  });
  beforeEach(() => {
    make.requests = [];
  });

  const event = (i: number, objectId: string, extra: Partial<RelayEvent> = {}): RelayEvent => ({
    eventId: `evt_${i}`,
    occurredAt: Date.parse('2026-01-05T09:00:00Z') + i,
    portalId: 62515,
    objectTypeId: '0-1',
    objectId,
    event: 'creation',
    ...extra,
  });

  it('attaches, emits one bundle per event with its record (one read each), and detaches', async () => {
    const data = await make.attach('watchNewContactInstant', {}, common, HOOK);
    const sub = relay.byTarget(HOOK)!;
    expect(sub.body).toEqual({ targetUrl: HOOK, objectType: 'contacts', event: 'creation' });
    expect(sub.token).toBe(t.token);
    expect(data).toEqual({ id: sub.id });

    const ids = [0, 1].map(
      (i) =>
        createRecord(t.sandbox.portal, contacts, {
          properties: { email: `make-hook${i}@example.com`, jobtitle: `Role ${i}` },
        }).id,
    );
    const { body, headers } = signedDelivery(sub, [
      event(0, ids[0]!),
      event(1, ids[1]!),
      event(2, '999999991'),
    ]);
    make.requests = [];
    const bundles = await make.instant(
      'watchNewContactInstant',
      { body: JSON.parse(body), headers },
      {},
      {
        properties_to_retrieve: ['jobtitle'],
      },
    );
    expect(bundles.map((b) => [b.id, b.record_id, b.record_found])).toEqual([
      ['evt_0', ids[0], true],
      ['evt_1', ids[1], true],
      ['evt_2', '999999991', false],
    ]);
    expect((bundles[1]!.properties as Record<string, string>).jobtitle).toBe('Role 1');
    expect(new Date(bundles[0]!.occurred_at as Date).toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(bundles[0]).not.toHaveProperty('object_type');
    // Make allows one request per bundle: a read per event (Zapier reads a delivery in one call).
    expect(make.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(
      Array(3).fill('POST /crm/v3/objects/contacts/batch/read'),
    );

    await make.detach('watchNewContactInstant', {}, common, data);
    expect(relay.subscriptions.has(sub.id)).toBe(false);
  });

  it('deal stage: subscribes to dealstage and keeps only moves into the chosen stage', async () => {
    const params = { pipeline: 'default', dealstage: 'closedwon' };
    await make.attach('watchDealStageChangedInstant', params, common, `${HOOK}-deals`);
    const sub = relay.byTarget(`${HOOK}-deals`)!;
    expect(sub.body).toEqual({
      targetUrl: `${HOOK}-deals`,
      objectType: 'deals',
      event: 'propertyChange',
      property: 'dealstage',
    });
    const id = createRecord(t.sandbox.portal, deals, {
      properties: { dealname: 'Won', pipeline: 'default', dealstage: 'closedwon' },
    }).id;
    const change = (i: number, stage: string) =>
      event(i, id, {
        event: 'propertyChange',
        objectTypeId: '0-3',
        propertyName: 'dealstage',
        propertyValue: stage,
      });
    const { body } = signedDelivery(sub, [change(1, 'closedwon'), change(2, 'appointmentscheduled')]);
    const bundles = await make.instant('watchDealStageChangedInstant', { body: JSON.parse(body) }, params);
    expect(bundles).toEqual([
      expect.objectContaining({
        id: 'evt_1',
        record_id: id,
        property_name: 'dealstage',
        property_value: 'closedwon',
      }),
    ]);
  });

  it('deletions and merges: no read for a deletion, the kept record read for a merge', async () => {
    await make.attach('watchObjectDeletedInstant', { object_type: 'contacts' }, common, `${HOOK}-del`);
    const deleted = relay.byTarget(`${HOOK}-del`)!;
    expect(deleted.body).toMatchObject({ objectType: 'contacts', event: 'deletion' });
    make.requests = [];
    const gone = await make.instant(
      'watchObjectDeletedInstant',
      { body: JSON.parse(signedDelivery(deleted, [event(5, '42', { event: 'deletion' })]).body) },
      { object_type: 'contacts' },
    );
    expect(make.requests).toEqual([]);
    expect(gone).toEqual([expect.objectContaining({ id: 'evt_5', record_id: '42', event: 'deletion' })]);

    await make.attach('watchRecordsMergedInstant', { object_type: 'contacts' }, common, `${HOOK}-merge`);
    const merged = relay.byTarget(`${HOOK}-merge`)!;
    const kept = createRecord(t.sandbox.portal, contacts, { properties: { email: 'kept@example.com' } }).id;
    const [bundle] = await make.instant(
      'watchRecordsMergedInstant',
      {
        body: JSON.parse(
          signedDelivery(merged, [
            event(6, '77', { event: 'merge', primaryObjectId: kept, mergedObjectIds: ['77', '78'] }),
          ]).body,
        ),
      },
      { object_type: 'contacts' },
    );
    expect(bundle).toMatchObject({
      record_id: kept,
      primary_record_id: kept,
      merged_record_ids: '77,78',
      record_found: true,
    });
    expect((bundle!.properties as Record<string, string>).email).toBe('kept@example.com');
  });
});

describe('strict IML runner: webhooks and instant triggers', () => {
  it('refuses webhook directives it does not implement and what Make does not document', async () => {
    await expect(runWebhook({ respond: { status: 200 } }, { body: {} }, {})).rejects.toThrow(
      /not implemented/,
    );
    await expect(runWebhook({ wrapper: '{{body}}' }, { body: {} }, {})).rejects.toThrow(NotDocumentedError);
    const bundles = await runWebhook(
      { iterate: '{{body.events}}', output: { n: '{{item.n}}' } },
      { body: { events: [{ n: 1 }, { n: 2 }] } },
      {},
    );
    expect(bundles).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('parseDate reads epoch milliseconds and seconds, and refuses other formats', () => {
    expect(evaluateString("{{parseDate(item.t, 'x')}}", { item: { t: 1767603600123 } })).toEqual(
      new Date('2026-01-05T09:00:00.123Z'),
    );
    expect(evaluateString("{{parseDate(item.t, 'X')}}", { item: { t: '1767603600' } })).toEqual(
      new Date('2026-01-05T09:00:00.000Z'),
    );
    expect(() => evaluateString("{{parseDate('2026-01-05', 'YYYY-MM-DD')}}", {})).toThrow(NotDocumentedError);
  });

  it('an instant trigger without communication outputs the bundle; with iterate it is refused', async () => {
    expect(await runInstantTrigger({}, { a: 1 }, { parameters: {}, connection: {} })).toEqual({ a: 1 });
    await expect(
      runInstantTrigger(
        { url: 'https://x.test', response: { iterate: '{{body}}' } },
        { a: 1 },
        { parameters: {}, connection: {} },
      ),
    ).rejects.toThrow(NotDocumentedError);
  });
});
