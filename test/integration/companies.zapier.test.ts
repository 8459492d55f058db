import { expectRefused, liveCount, runner, tick, useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';
import { zcache } from '../support/zcacheRpc';

// z.cache honouring `nx` and `ttl`, as Zapier serves it: Find or Create Company claims a new domain through it
// (operations/objects/claimedCreate.ts). zapier-platform-core's own mock answers every set-if-absent true, so under
// it every overlapping run would claim the domain and create a company.
jest.mock('zapier-platform-core/src/tools/create-rpc-client', () =>
  jest
    .requireActual('../support/zcacheRpc')
    .withZcache(jest.requireActual('zapier-platform-core/src/tools/create-rpc-client')),
);

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

  describe('Find or Create Company by domain, which HubSpot does not keep unique', () => {
    const INDEX_LAG_MS = 1_500;
    /** Zapier's search-or-create: the search step (CRM search, subject to index lag), then the create. */
    const findOrCreate = async (domain: string, name: string) => {
      const found = await search('find_company', { search_property: 'domain', search_value: domain });
      if (found.length > 0) return found[0]!;
      return create('create_company', { name, domain }, { withSearch: 'find_company' });
    };
    /** Ids of the live companies holding a domain, in the sandbox's store. */
    const withDomain = (domain: string) =>
      [...context.t.sandbox.portal.records.table('0-2').values()]
        .filter((r) => !r.archived && r.properties.domain === domain)
        .map((r) => r.id);
    beforeEach(() => {
      zcache.clear();
      context.t.sandbox.portal.searchIndexLagMs = INDEX_LAG_MS;
    });
    afterEach(() => {
      context.t.sandbox.portal.searchIndexLagMs = 0;
    });

    it('5 parallel runs for one domain end in exactly one company, which every run returns', async () => {
      const runs = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => findOrCreate('parallel.example', `Parallel ${i}`)),
      );
      const kept = withDomain('parallel.example');
      expect(kept).toHaveLength(1);
      expect(runs.map((r) => r.id)).toEqual(Array(5).fill(kept[0]));
    });

    it('2 runs 1 s apart, the second blind to the first (index lag), end in one company', async () => {
      const first = findOrCreate('apart.example', 'First');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const second = await findOrCreate('apart.example', 'Second');
      const kept = withDomain('apart.example');
      expect(kept).toHaveLength(1);
      expect([(await first).id, second.id]).toEqual([kept[0], kept[0]]);
      expect(second).toMatchObject({ existing: true, properties: { name: 'First' } });
    });

    it('returns the company that already had the domain, even while search misses the new one', async () => {
      const older = await create('create_company', { name: 'Older', domain: 'taken.example' });
      await new Promise((resolve) => setTimeout(resolve, INDEX_LAG_MS));
      const step = await create(
        'create_company',
        { name: 'Newer', domain: 'taken.example' },
        { withSearch: 'find_company' },
      );
      expect(step).toMatchObject({ id: older.id, existing: true });
      expect(withDomain('taken.example')).toEqual([older.id]);
    });

    it('a plain Create Company still creates a company whose domain is taken (HubSpot allows it)', async () => {
      await create('create_company', { name: 'One', domain: 'shared.example' });
      await create('create_company', { name: 'Two', domain: 'shared.example' });
      expect(withDomain('shared.example')).toHaveLength(2);
    });
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
