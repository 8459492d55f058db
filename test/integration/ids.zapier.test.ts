import { runner, useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';

/** Ids a Zap builder maps, through the real Zapier app against the sandbox: record pickers list the right records. */
describe('Zapier ids against the sandbox', () => {
  const context = useZapierSandbox();
  const { create } = runner(context);
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
