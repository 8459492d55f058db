import { findStandardObjectType } from '../../sandbox/facts/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import { runner, useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';

/** Record creates associating existing records, with a label or HubSpot's default type, in the create call itself. */
describe('Zapier creates with inline associations and labels', () => {
  const context = useZapierSandbox();
  const { create } = runner(context);
  let labelTypeId: number;

  beforeAll(async () => {
    const res = await context.t.call('POST', '/crm/v4/associations/deals/contacts/labels', {
      label: 'Decision maker',
      name: 'decision_maker',
    });
    expect(res.status).toBe(200);
    const created = (await res.json()) as { results: Array<{ typeId: number; label: string }> };
    labelTypeId = created.results.find((r) => r.label === 'Decision maker')!.typeId;
  });

  const contact = (email: string) =>
    createRecord(context.t.sandbox.portal, findStandardObjectType('contacts')!, { properties: { email } }).id;
  const company = (name: string) =>
    createRecord(context.t.sandbox.portal, findStandardObjectType('companies')!, { properties: { name } }).id;
  const typesBetween = (fromType: string, fromId: string, toType: string, toId: string) => [
    ...(context.t.sandbox.portal.associations.typesBetween(fromType, fromId, toType, toId)?.keys() ?? []),
  ];
  const creates = () => context.t.sandbox.log.countsByEndpoint()['POST /crm/v3/objects/:objectType'];

  it("offers the portal's labels between the two types, HubSpot's default type included", async () => {
    const items = (await run('triggers', 'deals_contacts_association_label_list', {
      authData: context.authData,
      inputData: {},
    })) as Array<{ id: string; label: string }>;
    expect(items).toEqual(
      expect.arrayContaining([
        { id: `USER_DEFINED:${labelTypeId}`, label: 'Decision maker' },
        { id: 'HUBSPOT_DEFINED:3', label: 'Associated (no label)' },
      ]),
    );
  });

  it('creates a deal associated with two contacts under the chosen label and a company by default, in one create', async () => {
    const [a, b, acme] = [contact('a@labels.example'), contact('b@labels.example'), company('Acme')];
    context.t.sandbox.log.clear();
    const deal = await create('create_deal', {
      dealname: 'Labelled',
      dealstage: 'appointmentscheduled',
      contact_ids: [a, b],
      contact_association_label: `USER_DEFINED:${labelTypeId}`,
      company_ids: [acme],
    });
    expect(creates()).toBe(1);
    // A labelled association carries the unlabelled default type (3) too, as HubSpot keeps it.
    expect(typesBetween('0-3', deal.id, '0-1', a).sort()).toEqual([3, labelTypeId].sort());
    expect(typesBetween('0-3', deal.id, '0-1', b).sort()).toEqual([3, labelTypeId].sort());
    expect(typesBetween('0-3', deal.id, '0-2', acme)).toEqual([341]);
    expect(deal.associated_ids).toMatchObject({ contacts: [a, b], companies: [acme] });
  });

  it('keeps working without any association, as before', async () => {
    const created = await create('create_contact', { email: 'plain@labels.example' });
    expect(context.t.sandbox.portal.associations.idsAssociatedWith('0-1', created.id, '0-2')).toEqual([]);
  });

  it('refuses a label that is not a label value, naming the field, before anything is written', async () => {
    const a = contact('c@labels.example');
    context.t.sandbox.log.clear();
    await expect(
      create('create_deal', {
        dealname: 'Refused',
        dealstage: 'appointmentscheduled',
        contact_ids: [a],
        contact_association_label: 'Decision maker',
      }),
    ).rejects.toThrow(/Label for the contacts.*not an association label from deals to contacts/);
    expect(creates()).toBeUndefined();
  });
});
