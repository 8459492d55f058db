import { findStandardObjectType } from '../../hubspot/objectTypes';
import { createRecord, updateRecord } from '../../sandbox/objects/write';
import { addPipeline } from '../support/crm';
import { type TriggerItem, usePollingSandbox } from '../support/polling';

const contacts = findStandardObjectType('contacts')!;
const deals = findStandardObjectType('deals')!;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * Property-change triggers must emit every change of the watched property exactly once, whatever the record does
 * afterwards. The production lag margin (60 s) and an index lag are on; time is the faked `Date` shared by the
 * sandbox (system clock) and the connector (`ctx.now`), so each step happens at a chosen instant and nothing depends
 * on how fast the machine runs. Only `Date` is faked: sockets and timers run as usual.
 */
describe('Zapier property-change triggers keep every change, however the record moves on', () => {
  const { sandbox, portal, poll, minutesLater } = usePollingSandbox();
  let now = START;
  /** Moves the shared clock to `offset` after the test's start. */
  const at = (offset: number) => {
    now = START + offset;
    jest.setSystemTime(now);
  };
  const doNotFake = [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ] as const;

  beforeAll(() => {
    jest.useFakeTimers({ doNotFake: [...doNotFake], now: START });
    process.env.HUBSPOT_POLL_LAG_MARGIN_MS = String(MINUTE);
  });
  afterAll(() => {
    jest.useRealTimers();
  });
  beforeEach(() => {
    portal().searchIndexLagMs = 20 * SECOND;
  });

  const pollAt = async (offset: number, key: string, zap: string, input: Record<string, unknown>) => {
    at(offset);
    minutesLater();
    return poll(key, zap, input);
  };
  const byKey = (items: TriggerItem[]) => items.map((i) => String(i.dedupe_key));

  it('emits a change whose record was modified again inside the lag margin before the poll', async () => {
    const base = 0;
    at(base);
    const contact = createRecord(portal(), contacts, {
      properties: { email: 'margin@example.com', lifecyclestage: 'lead' },
    });
    const input = { property: 'lifecyclestage' };
    await pollAt(base + 2 * MINUTE, 'contact_property_change', 'zap-margin', input); // sets the watermark
    at(base + 3 * MINUTE);
    updateRecord(portal(), contacts, contact.id, { properties: { lifecyclestage: 'opportunity' } });
    // Modified again 50 s later: at the next poll its last modification is inside the lag margin.
    at(base + 3 * MINUTE + 50 * SECOND);
    updateRecord(portal(), contacts, contact.id, { properties: { firstname: 'Ada' } });

    const polls: TriggerItem[][] = [];
    const requests: string[][] = [];
    for (const offset of [4, 5, 6, 10].map((m) => base + m * MINUTE + 10 * SECOND)) {
      sandbox().sandbox.log.clear();
      polls.push(await pollAt(offset, 'contact_property_change', 'zap-margin', input));
      requests.push(
        sandbox()
          .sandbox.log.all()
          .map((e) => `${e.method} ${e.path}`),
      );
    }
    // The record, last modified inside the margin, is read by the poll whose window holds its change and by the next
    // (its last modification is after that one's start); then only the search is left.
    const search = 'POST /crm/v3/objects/contacts/search';
    const historyRead = 'POST /crm/v3/objects/contacts/batch/read';
    expect(requests).toEqual([[search, historyRead], [search, historyRead], [search], [search]]);

    const emitted = polls.flat();
    expect(emitted.map((c) => [c.record_id, c.previous_value, c.value])).toEqual([
      [contact.id, 'lead', 'opportunity'],
    ]);
    expect(emitted[0]!.changed_at).toBe(new Date(START + base + 3 * MINUTE).toISOString());
  });

  it('emits each change once while the record keeps being modified through many polls', async () => {
    const base = 30 * MINUTE;
    at(base);
    const contact = createRecord(portal(), contacts, {
      properties: { email: 'busy@example.com', lifecyclestage: 'lead' },
    });
    const input = { property: 'lifecyclestage' };
    await pollAt(base + MINUTE, 'contact_property_change', 'zap-busy', input);
    const stages = ['marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
    const polls: TriggerItem[][] = [];
    // Every 30 s for 8 minutes the record changes (the watched property every 2 minutes); a poll runs each minute.
    for (let step = 0; step < 16; step++) {
      const offset = base + 2 * MINUTE + step * 30 * SECOND;
      at(offset);
      const stage = step % 4 === 0 ? stages[step / 4] : undefined;
      updateRecord(portal(), contacts, contact.id, {
        properties: stage ? { lifecyclestage: stage } : { firstname: `Name ${step}` },
      });
      if (step % 2 === 1)
        polls.push(await pollAt(offset + 5 * SECOND, 'contact_property_change', 'zap-busy', input));
    }
    for (const m of [12, 13, 20])
      polls.push(await pollAt(base + m * MINUTE, 'contact_property_change', 'zap-busy', input));

    const emitted = polls.flat();
    expect(emitted.map((c) => c.value)).toEqual(stages);
    expect(new Set(byKey(emitted)).size).toBe(stages.length);
  });

  it('keeps the 100-item cap when many changed records were modified again inside the margin', async () => {
    const base = 60 * MINUTE;
    at(base);
    const created = Array.from({ length: 130 }, (_, i) =>
      createRecord(portal(), contacts, {
        properties: { email: `many${i}@example.com`, hs_lead_status: 'NEW' },
      }),
    );
    const input = { property: 'hs_lead_status' };
    await pollAt(base + 2 * MINUTE, 'contact_property_change', 'zap-many', input);
    at(base + 3 * MINUTE);
    for (const c of created)
      updateRecord(portal(), contacts, c.id, { properties: { hs_lead_status: 'OPEN' } });
    at(base + 3 * MINUTE + 45 * SECOND);
    for (const c of created) updateRecord(portal(), contacts, c.id, { properties: { firstname: 'Again' } });

    const polls: TriggerItem[][] = [];
    for (const m of [4, 5, 6, 7, 8])
      polls.push(await pollAt(base + m * MINUTE + 10 * SECOND, 'contact_property_change', 'zap-many', input));

    expect(polls.every((p) => p.length <= 100)).toBe(true);
    const emitted = polls.flat();
    expect(emitted.every((c) => c.value === 'OPEN')).toBe(true);
    expect(new Set(emitted.map((c) => c.record_id))).toEqual(new Set(created.map((c) => c.id)));
    expect(emitted).toHaveLength(created.length);
  });

  it('emits a stage change in the chosen pipeline when the deal moved to another pipeline inside the margin', async () => {
    const base = 90 * MINUTE;
    at(base);
    const other = await addPipeline(sandbox(), 'deals', 'Partners', [
      { label: 'Signed up', metadata: { probability: '0.5' } },
      { label: 'Active', metadata: { probability: '1.0', isClosed: 'true' } },
    ]);
    const deal = createRecord(portal(), deals, {
      properties: { dealname: 'Moves on', pipeline: 'default', dealstage: 'appointmentscheduled' },
    });
    const input = { pipeline: 'default' };
    await pollAt(base + 2 * MINUTE, 'deal_stage_changed', 'zap-pipeline', input);
    at(base + 3 * MINUTE);
    updateRecord(portal(), deals, deal.id, { properties: { dealstage: 'qualifiedtobuy' } });
    at(base + 3 * MINUTE + 30 * SECOND);
    updateRecord(portal(), deals, deal.id, {
      properties: { pipeline: other.id, dealstage: other.stages[0]!.id },
    });

    const polls: TriggerItem[][] = [];
    for (const m of [4, 5, 6])
      polls.push(await pollAt(base + m * MINUTE + 10 * SECOND, 'deal_stage_changed', 'zap-pipeline', input));

    expect(polls.flat().map((c) => [c.record_id, c.previous_stage, c.stage, c.pipeline])).toEqual([
      [deal.id, 'appointmentscheduled', 'qualifiedtobuy', 'default'],
    ]);
  });
});
