import { findStandardObjectType } from '../../hubspot/objectTypes';
import { createRecord, updateRecord } from '../../sandbox/objects/write';
import { usePollingSandbox } from '../support/polling';

const contacts = findStandardObjectType('contacts')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The polling triggers against the sandbox: nothing lost when more records change between two polls than one poll
 * may return, nothing repeated, one search call for an idle poll, and property changes with their previous value.
 */
describe('Zapier contact triggers against the sandbox', () => {
  const { sandbox, poll, minutesLater } = usePollingSandbox();
  beforeEach(() => {
    sandbox().sandbox.log.clear();
    sandbox().sandbox.portal.limits.reset();
  });

  it('emits a burst of 250 new contacts over 3 polls of at most 100, each once, none missing', async () => {
    await poll('new_contact', 'zap-burst'); // sets the watermark
    await sleep(5);
    const ids = new Set<string>();
    for (let i = 0; i < 250; i++) {
      ids.add(
        createRecord(sandbox().sandbox.portal, contacts, { properties: { email: `burst${i}@example.com` } })
          .id,
      );
    }
    await sleep(5);
    const sizes: number[] = [];
    const seen: string[] = [];
    for (;;) {
      const items = await poll('new_contact', 'zap-burst');
      sizes.push(items.length);
      if (items.length === 0) break;
      seen.push(...items.map((i) => String(i.id)));
      expect(sizes.length).toBeLessThan(10);
    }
    // Zapier holds a Zap's runs when one poll brings more than 100 new items.
    expect(sizes).toEqual([100, 100, 50, 0]);
    expect(seen.length).toBe(250);
    expect(new Set(seen)).toEqual(ids);
    // One search a poll, however big the backlog.
    const searches = sandbox()
      .sandbox.log.all()
      .filter((e) => e.endpoint.endsWith('/search') && e.status === 200);
    expect(searches).toHaveLength(1 + 4);
  });

  it('misses no record and repeats none when 10,050 contacts change between two polls', async () => {
    await poll('new_or_updated_contact', 'zap-bulk'); // sets the watermark
    await sleep(5);
    const ids = new Set<string>();
    for (let i = 0; i < 10_050; i++) {
      ids.add(
        createRecord(sandbox().sandbox.portal, contacts, { properties: { email: `bulk${i}@example.com` } })
          .id,
      );
    }
    await sleep(5);
    const seen: string[] = [];
    let polls = 0;
    for (;;) {
      minutesLater();
      const items = await poll('new_or_updated_contact', 'zap-bulk');
      polls++;
      if (items.length === 0) break;
      expect(items.length).toBeLessThanOrEqual(100);
      seen.push(...items.map((i) => String(i.record_id)));
      expect(polls).toBeLessThan(110);
    }
    // Past search's 10,000-result cap: the window is read by id keyset, never by offset.
    expect(seen.length).toBe(10_050);
    expect(new Set(seen)).toEqual(ids);
    expect(polls).toBe(Math.ceil(10_050 / 100) + 1);
  }, 120_000);

  it('spends one search call on an idle poll', async () => {
    await poll('new_contact', 'zap-idle');
    sandbox().sandbox.log.clear();
    expect(await poll('new_contact', 'zap-idle')).toEqual([]);
    expect(sandbox().sandbox.log.summary().total).toBe(1);
  });

  it('keeps one watermark per Zap', async () => {
    await poll('new_contact', 'zap-a');
    await poll('new_contact', 'zap-b');
    await sleep(5);
    createRecord(sandbox().sandbox.portal, contacts, { properties: { email: 'shared@example.com' } });
    await sleep(5);
    expect((await poll('new_contact', 'zap-a')).map((i) => i.properties)).toHaveLength(1);
    expect(await poll('new_contact', 'zap-b')).toHaveLength(1);
    expect(await poll('new_contact', 'zap-a')).toHaveLength(0);
  });

  it('emits a property change with previous value and source, and can ignore integrations', async () => {
    const record = createRecord(sandbox().sandbox.portal, contacts, {
      properties: { email: 'stage@example.com', lifecyclestage: 'lead' },
    });
    await poll('contact_property_change', 'zap-stage', { property: 'lifecyclestage' });
    await poll('contact_property_change', 'zap-stage-quiet', {
      property: 'lifecyclestage',
      ignore_integration_changes: true,
    });
    await sleep(5);
    // A change made in HubSpot (recorded as an import here) ...
    updateRecord(sandbox().sandbox.portal, contacts, record.id, {
      properties: { lifecyclestage: 'opportunity' },
    });
    await sleep(5);
    // ... and one written by an integration through the API.
    await sandbox().call('PATCH', `/crm/v3/objects/contacts/${record.id}`, {
      properties: { lifecyclestage: 'customer' },
    });
    await sleep(5);
    const changes = await poll('contact_property_change', 'zap-stage', { property: 'lifecyclestage' });
    expect(changes.map((c) => [c.previous_value, c.value, c.source_type])).toEqual([
      ['opportunity', 'customer', 'INTEGRATION'],
      ['lead', 'opportunity', 'IMPORT'],
    ]);
    expect(changes[0]).toMatchObject({ record_id: record.id, property: 'lifecyclestage' });
    const quiet = await poll('contact_property_change', 'zap-stage-quiet', {
      property: 'lifecyclestage',
      ignore_integration_changes: true,
    });
    expect(quiet.map((c) => c.value)).toEqual(['opportunity']);
  });
});
