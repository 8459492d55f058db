import { findStandardObjectType } from '../../hubspot/objectTypes';
import { createRecord, updateRecord } from '../../sandbox/objects/write';
import { usePollingSandbox } from '../support/polling';

const contacts = findStandardObjectType('contacts')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Zapier holds a Zap's runs when one poll returns more than 100 new items: every trigger whose backlog is bigger
 * emits it 100 at a time, each item once, none missing.
 */
describe('Zapier triggers: at most 100 items a poll', () => {
  const { portal, drain } = usePollingSandbox();

  it('contact_property_change: 150 contacts changed twice each (300 changes) arrive 100 a poll', async () => {
    const input = { property: 'lifecyclestage' };
    const records = Array.from({ length: 150 }, (_, i) =>
      createRecord(portal(), contacts, {
        properties: { email: `cap${i}@example.com`, lifecyclestage: 'lead' },
      }),
    );
    await sleep(5);
    await drain('contact_property_change', 'zap-cap-history', input);
    await sleep(5);
    for (const stage of ['marketingqualifiedlead', 'customer']) {
      for (const r of records)
        updateRecord(portal(), contacts, r.id, { properties: { lifecyclestage: stage } });
      await sleep(2);
    }
    await sleep(5);
    const polls = await drain('contact_property_change', 'zap-cap-history', input);
    expect(polls.every((p) => p.length <= 100)).toBe(true);
    const changes = polls.flat().map((c) => String(c.dedupe_key));
    expect(changes).toHaveLength(300);
    expect(new Set(changes).size).toBe(300);
  });

  it('new_list_member: 250 members arrive as 100, 100 and 50', async () => {
    const now = portal().now();
    const list = portal().lists.create({
      name: 'Capped list',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
      createdAt: now,
      updatedAt: now,
      createdById: '1',
    });
    const input = { list_id: list.listId };
    await drain('new_list_member', 'zap-cap-list', input);
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) {
      const id = createRecord(portal(), contacts, { properties: { email: `member-cap${i}@example.com` } }).id;
      // Ten members a millisecond, so a cut between polls falls inside a millisecond.
      list.members.set(id, now + 1 + Math.floor(i / 10));
      ids.push(id);
    }
    const polls = await drain('new_list_member', 'zap-cap-list', input);
    expect(polls.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(
      polls
        .flat()
        .map((m) => String(m.record_id))
        .sort(),
    ).toEqual([...ids].sort());
  });
});
