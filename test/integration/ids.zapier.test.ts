import { runner, tick, useZapierSandbox } from '../support/crm';
import { run, testApp } from '../support/zapier';

/**
 * Ids a Zap builder maps, through the real Zapier app against the sandbox: a trigger's Record ID goes straight into
 * an update, Zapier's deduper (emulated from the trigger's primary output fields) lets each change through once, and
 * the record pickers list the newest records of the right type.
 */
describe('Zapier ids against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, poll } = runner(context);
  type Item = Record<string, unknown>;

  /**
   * Zapier's deduper: an item fires when its primary key (the `primary` output fields, or `id` when none is) was
   * never seen by the Zap. https://docs.zapier.com/platform/build/deduplication
   */
  function deduper(trigger: string) {
    const fields = (testApp.triggers as Record<string, { operation: { outputFields: Item[] } }>)[trigger]!
      .operation.outputFields;
    const primary = fields.filter((f) => f.primary).map((f) => String(f.key));
    const keys = primary.length > 0 ? primary : ['id'];
    const seen = new Set<string>();
    return (items: Item[]) =>
      items.filter((item) => {
        const key = JSON.stringify(keys.map((k) => item[k]));
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  it('new_or_updated_contact: Record ID feeds Update Contact, and each change fires once', async () => {
    const fire = deduper('new_or_updated_contact');
    const zap = 'zap-ids-changed';
    await poll('new_or_updated_contact', zap);
    await tick();
    const contact = await create('create_contact', { email: 'ids-changed@example.com', firstname: 'Ada' });
    await tick();
    const first = fire(await poll('new_or_updated_contact', zap));
    expect(first.map((i) => i.id)).toEqual([contact.id]);

    // The mapped Record ID is the contact's: the update finds it.
    const updated = await create('update_contact', { record_id: first[0]!.id, firstname: 'Grace' });
    expect(updated.id).toBe(contact.id);
    await tick();
    const second = await poll('new_or_updated_contact', zap);
    expect(fire(second).map((i) => i.id)).toEqual([contact.id]);
    // The same change seen again (an overlapping poll) does not fire twice.
    expect(fire(second)).toEqual([]);

    await create('update_contact', { record_id: contact.id, firstname: 'Hedy' });
    await tick();
    const third = fire(await poll('new_or_updated_contact', zap));
    expect(third.map((i) => i.id)).toEqual([contact.id]);
    expect(new Set([first, second, third].map((items) => items[0]!.dedupe_key)).size).toBe(3);
  });

  it('contact_property_change: two changes of one contact fire twice, each with the contact id', async () => {
    const fire = deduper('contact_property_change');
    const zap = 'zap-ids-property';
    const input = { property: 'jobtitle' };
    const contact = await create('create_contact', { email: 'ids-property@example.com', jobtitle: 'Clerk' });
    await tick();
    await poll('contact_property_change', zap, input);
    await tick();
    await create('update_contact', { record_id: contact.id, jobtitle: 'Analyst' });
    await tick();
    await create('update_contact', { record_id: contact.id, jobtitle: 'Director' });
    await tick();
    const fired = fire(await poll('contact_property_change', zap, input));
    expect(fired.map((c) => [c.id, c.value])).toEqual([
      [contact.id, 'Director'],
      [contact.id, 'Analyst'],
    ]);
  });

  it('new_list_member: Record ID is the member record, and it feeds Update Contact', async () => {
    const portal = context.t.sandbox.portal;
    const now = portal.now();
    const list = portal.lists.create({
      name: 'Ids list',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
      createdAt: now,
      updatedAt: now,
      createdById: '1',
    });
    const zap = 'zap-ids-list';
    await poll('new_list_member', zap, { list_id: list.listId });
    const member = await create('create_contact', { email: 'ids-member@example.com' });
    list.members.set(member.id, portal.now());
    const fired = deduper('new_list_member')(await poll('new_list_member', zap, { list_id: list.listId }));
    expect(fired.map((m) => [m.id, m.list_id])).toEqual([[member.id, list.listId]]);
    expect((await create('update_contact', { record_id: fired[0]!.id, firstname: 'Member' })).id).toBe(
      member.id,
    );
  });

  describe('record pickers', () => {
    const dropdown = (key: string, inputData: Record<string, unknown> = {}) =>
      run('triggers', key, { authData: context.authData, inputData }) as Promise<
        Array<{ id: string; label: string }>
      >;

    it('lists the newest contacts by name and e-mail, newest first, in one search', async () => {
      const older = await create('create_contact', { email: 'pick-older@example.com', firstname: 'Older' });
      const newer = await create('create_contact', {
        email: 'pick-newer@example.com',
        firstname: 'Newer',
        lastname: 'Contact',
      });
      context.t.sandbox.log.clear();
      const items = await dropdown('contacts_record_list');
      expect(items[0]).toEqual({ id: newer.id, label: 'Newer Contact — pick-newer@example.com' });
      expect(items[1]).toEqual({ id: older.id, label: 'Older — pick-older@example.com' });
      expect(context.t.sandbox.log.countsByEndpoint()).toEqual({
        'POST /crm/v3/objects/:objectType/search': 1,
      });
    });

    it('lists records of the type chosen in the step, and nothing before one is chosen', async () => {
      const deal = await create('create_deal', {
        dealname: 'Picked deal',
        dealstage: 'appointmentscheduled',
      });
      expect(await dropdown('from_object_type_record_list')).toEqual([]);
      const items = await dropdown('from_object_type_record_list', { from_object_type: 'deals' });
      expect(items[0]).toEqual({ id: deal.id, label: 'Picked deal' });
    });

    it("lists the records of the chosen list's type", async () => {
      const portal = context.t.sandbox.portal;
      const now = portal.now();
      const companies = portal.lists.create({
        name: 'Picker companies',
        objectTypeId: '0-2',
        processingType: 'MANUAL',
        createdAt: now,
        updatedAt: now,
        createdById: '1',
      });
      const company = await create('create_company', { name: 'Picked Ltd', domain: 'picked.example.com' });
      expect(await dropdown('records_of_list_id_list')).toEqual([]);
      const items = await dropdown('records_of_list_id_list', { list_id: companies.listId });
      expect(items[0]).toEqual({ id: company.id, label: 'Picked Ltd' });
    });
  });
});
