import { expectRefused, liveCount, runner, tick, useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';

/**
 * Companies through the Zapier app. Create-or-update matches only on a `hasUniqueValue` property: HubSpot's batch
 * upsert refuses anything else as `idProperty`, and `domain` is not one (see operations/companies/createOrUpdateCompany.ts).
 */
describe('Zapier company operations against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, search, poll } = runner(context);
  const companies = () => liveCount(context.t, '0-2');

  beforeAll(async () => {
    const response = await context.t.call('POST', '/crm/v3/properties/companies', {
      name: 'erp_id',
      label: 'ERP ID',
      type: 'string',
      fieldType: 'text',
      groupName: 'companyinformation',
      hasUniqueValue: true,
    });
    expect(response.status).toBe(201);
  });

  it('creates, updates and finds a company by domain', async () => {
    const created = await create('create_company', {
      name: 'Analytical Engines',
      domain: 'engines.example',
      industry: 'Computer Software',
    });
    expect(context.t.sandbox.portal.records.get('0-2', created.id)!.properties.industry).toBe(
      'COMPUTER_SOFTWARE',
    );
    const updated = await create('update_company', { record_id: created.id, city: 'London' });
    expect(updated.properties.city).toBe('London');
    const found = await search('find_company', {
      search_property: 'domain',
      search_value: 'engines.example',
    });
    expect(found.map((c) => c.id)).toEqual([created.id]);
  });

  it('creates then updates by a unique property in one HubSpot call each', async () => {
    const first = await create('create_or_update_company', {
      id_property: 'erp_id',
      erp_id: 'C-1',
      name: 'First',
    });
    expect(first.is_new).toBe(true);
    context.t.sandbox.log.clear();
    const second = await create('create_or_update_company', {
      id_property: 'erp_id',
      erp_id: 'C-1',
      city: 'Leeds',
    });
    expect(second).toMatchObject({ id: first.id, is_new: false });
    expect(context.t.sandbox.log.summary().total).toBe(1);
    expect(context.t.sandbox.portal.records.get('0-2', first.id)!.properties).toMatchObject({
      name: 'First',
      city: 'Leeds',
    });
  });

  it('refuses to match on domain, which HubSpot does not keep unique, before any call', async () => {
    const before = companies();
    context.t.sandbox.log.clear();
    await expect(
      create('create_or_update_company', { id_property: 'domain', domain: 'dup.example', name: 'Dup' }),
    ).rejects.toThrow(/Match on \(id_property\).*Find or Create Company/);
    expect(companies()).toBe(before);
    expect(
      context.t.sandbox.log.countsByEndpoint()['POST /crm/v3/objects/:objectType/batch/upsert'],
    ).toBeUndefined();
  });

  it('offers only unique properties to match on', async () => {
    const items = (await run('triggers', 'companies_unique_property_list', {
      authData: context.authData,
    })) as Array<{ id: string }>;
    expect(items.map((i) => i.id)).toContain('erp_id');
    expect(items.map((i) => i.id)).not.toContain('domain');
  });

  it.each([
    ['a wrong option', 'create_company', { name: 'X', industry: 'Alchemy' }, /industry/],
    ['a wrong number', 'create_company', { name: 'X', numberofemployees: 'many' }, /numberofemployees/],
    ['an unknown property', 'create_company', { name: 'X', mascot: 'owl' }, /mascot.*not a property/],
    ['a missing record id', 'update_company', { city: 'Paris' }, /Company ID/],
    ['a missing match value', 'create_or_update_company', { id_property: 'erp_id', name: 'X' }, /erp_id/],
  ])('refuses %s with an error naming the field, writing nothing', async (_case, key, inputData, message) => {
    await expectRefused(create(key, inputData), message, companies);
  });

  it('fires new_company once per new company', async () => {
    await poll('new_company', 'zap-company');
    await tick();
    const company = await create('create_company', { name: 'Brand new', domain: 'new.example' });
    await tick();
    expect((await poll('new_company', 'zap-company')).map((i) => i.id)).toEqual([company.id]);
    expect(await poll('new_company', 'zap-company')).toEqual([]);
  });
});
