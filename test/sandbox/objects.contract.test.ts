import { AssociationTypes, Client } from '@hubspot/api-client';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { refusal } from '../support/sdk';

/**
 * The official `@hubspot/api-client` 14 drives every objects v3, batch, properties and schemas endpoint of the sandbox
 * over a real port. The client throws on any status it does not expect, so each call passing proves the status; the
 * parsed models prove the shapes. (Its retry settings are process-global: every client here has the same options.)
 */

describe('sandbox objects v3 under @hubspot/api-client 14', () => {
  let t: TestSandbox;
  let client: Client;

  beforeAll(async () => {
    t = await startTestSandbox({ rateLimits: false });
    client = new Client({ accessToken: t.token, basePath: t.url });
  });
  afterAll(() => t.close());

  it('creates, reads, lists, updates and archives contacts', async () => {
    const api = client.crm.contacts.basicApi;
    const created = await api.create({
      properties: { email: 'sdk1@example.com', firstname: 'Sdk' },
      associations: [],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.properties.email).toBe('sdk1@example.com');

    const read = await api.getById(created.id, ['firstname', 'phone'], ['firstname']);
    expect(read.properties).toMatchObject({ firstname: 'Sdk', phone: null, hs_object_id: created.id });
    expect(read.propertiesWithHistory?.firstname?.[0]).toMatchObject({
      value: 'Sdk',
      sourceType: 'INTEGRATION',
    });
    expect(read.propertiesWithHistory?.firstname?.[0]?.timestamp).toBeInstanceOf(Date);

    const byEmail = await api.getById('sdk1@example.com', undefined, undefined, undefined, false, 'email');
    expect(byEmail.id).toBe(created.id);

    const updated = await api.update(created.id, { properties: { lastname: 'Client' } });
    expect(updated.properties.lastname).toBe('Client');
    const updatedByEmail = await api.update(
      'sdk1@example.com',
      { properties: { lastname: 'Mail' } },
      'email',
    );
    expect(updatedByEmail.id).toBe(created.id);

    await api.create({ properties: { email: 'sdk2@example.com' }, associations: [] });
    const page = await api.getPage(1);
    expect(page.results).toHaveLength(1);
    expect(page.paging?.next?.after).toEqual(expect.any(String));
    const next = await api.getPage(1, page.paging!.next!.after);
    expect(next.results[0]!.id).not.toBe(page.results[0]!.id);
    const all = await client.crm.contacts.getAll(100);
    expect(all.map((c) => c.properties.email).sort()).toEqual(['sdk1@example.com', 'sdk2@example.com']);

    await api.archive(created.id);
    const gone = await refusal(api.getById(created.id));
    expect(gone.code).toBe(404);
    const archived = await api.getById(created.id, undefined, undefined, undefined, true);
    expect(archived.archived).toBe(true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
  });

  it('surfaces validation and conflict errors as ApiException', async () => {
    const api = client.crm.contacts.basicApi;
    const taken = await api.create({ properties: { email: 'taken@example.com' }, associations: [] });
    const conflict = await refusal(
      api.create({ properties: { email: 'TAKEN@example.com' }, associations: [] }),
    );
    expect(conflict.code).toBe(409);
    expect(conflict.body.category).toBe('CONFLICT');
    expect(conflict.body.message).toBe(`Contact already exists. Existing ID: ${taken.id}`);
    const invalid = await refusal(
      api.create({ properties: { email: 'x@example.com', nope: '1' }, associations: [] }),
    );
    expect(invalid.code).toBe(400);
    expect(invalid.body.category).toBe('VALIDATION_ERROR');
    const nonNumeric = await refusal(api.getById('abc'));
    expect(nonNumeric.code).toBe(404);
    expect(nonNumeric.body.category).toBe('OBJECT_NOT_FOUND');
  });

  it('creates with inline associations and reads them back', async () => {
    const company = await client.crm.companies.basicApi.create({
      properties: { name: 'Acme' },
      associations: [],
    });
    const contact = await client.crm.contacts.basicApi.create({
      properties: { email: 'assoc@example.com' },
      associations: [
        {
          to: { id: company.id },
          types: [
            {
              associationCategory: 'HUBSPOT_DEFINED' as never,
              associationTypeId: AssociationTypes.contactToCompany,
            },
          ],
        },
      ],
    });
    const read = await client.crm.contacts.basicApi.getById(contact.id, undefined, undefined, ['companies']);
    expect(read.associations?.companies?.results.map((r) => r.id)).toEqual([company.id]);
    const bad = await refusal(
      client.crm.contacts.basicApi.create({
        properties: { email: 'assoc2@example.com' },
        associations: [
          {
            to: { id: '999999' },
            types: [
              {
                associationCategory: 'HUBSPOT_DEFINED' as never,
                associationTypeId: AssociationTypes.contactToCompany,
              },
            ],
          },
        ],
      }),
    );
    expect(bad.code).toBe(400);
  });

  it('merges and GDPR-deletes contacts', async () => {
    const api = client.crm.contacts.basicApi;
    const a = await api.create({
      properties: { email: 'merge-a@example.com', firstname: 'A' },
      associations: [],
    });
    const b = await api.create({
      properties: { email: 'merge-b@example.com', lastname: 'B' },
      associations: [],
    });
    const merged = await api.merge({ primaryObjectId: a.id, objectIdToMerge: b.id });
    expect(merged.id).toBe(a.id);
    expect(merged.properties).toMatchObject({ firstname: 'A', lastname: 'B', email: 'merge-a@example.com' });
    await api.purge({ objectId: 'merge-a@example.com', idProperty: 'email' });
    expect((await refusal(api.getById(a.id))).code).toBe(404);
  });

  it('runs every batch endpoint', async () => {
    const batch = client.crm.objects.batchApi;
    const created = await batch.create('companies', {
      inputs: [
        { properties: { name: 'One', domain: 'one.example' }, associations: [] },
        { properties: { name: 'Two' }, associations: [] },
      ],
    });
    expect(created.status).toBe('COMPLETE');
    expect(created.results).toHaveLength(2);
    expect(created.completedAt).toBeInstanceOf(Date);
    const [one, two] = created.results.sort((x, y) => Number(x.id) - Number(y.id));

    const traced = await batch.create('companies', {
      inputs: [
        { properties: { name: 'Three' }, associations: [], objectWriteTraceId: 't3' },
        {
          properties: { name: 'Bad', numberofemployees: 'many' },
          associations: [],
          objectWriteTraceId: 't4',
        },
      ],
    });
    expect('errors' in traced && traced.errors?.[0]?.context).toEqual({ objectWriteTraceId: ['t4'] });
    expect(traced.results.map((r) => r.properties.name)).toEqual(['Three']);

    const read = await batch.read('companies', {
      properties: ['name'],
      propertiesWithHistory: [],
      inputs: [{ id: one!.id }, { id: '424242' }],
    });
    expect(read.results.map((r) => r.id)).toEqual([one!.id]);
    expect('numErrors' in read && read.numErrors).toBe(1);

    const updated = await batch.update('companies', {
      inputs: [{ id: two!.id, properties: { domain: 'two.example' } }],
    });
    expect(updated.results[0]!.properties.domain).toBe('two.example');

    const upserted = await client.crm.contacts.batchApi.upsert({
      inputs: [
        { id: 'up1@example.com', idProperty: 'email', properties: { firstname: 'Up' } },
        {
          id: 'up1@example.com',
          idProperty: 'email',
          properties: { firstname: 'Up' },
          objectWriteTraceId: 'dup',
        },
      ],
    });
    expect(upserted.results).toHaveLength(1);
    expect(upserted.results[0]!._new).toBe(true);
    const again = await client.crm.contacts.batchApi.upsert({
      inputs: [{ id: 'UP1@example.com', idProperty: 'email', properties: { lastname: 'Sert' } }],
    });
    expect(again.results[0]).toMatchObject({ id: upserted.results[0]!.id, _new: false });

    await batch.archive('companies', { inputs: [{ id: one!.id }, { id: two!.id }] });
    const afterArchive = await batch.read(
      'companies',
      { properties: [], propertiesWithHistory: [], inputs: [{ id: one!.id }] },
      true,
    );
    expect(afterArchive.results[0]!.archived).toBe(true);

    const tooMany = await refusal(
      batch.archive('companies', { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) })) }),
    );
    expect(tooMany.code).toBe(400);
    expect(tooMany.body.category).toBe('VALIDATION_ERROR');
  });

  it('manages properties and property groups', async () => {
    const groups = client.crm.properties.groupsApi;
    const group = await groups.create('deals', { name: 'sandbox_extras', label: 'Extras' });
    expect(group).toMatchObject({ name: 'sandbox_extras', archived: false });
    expect((await groups.getByName('deals', 'sandbox_extras')).label).toBe('Extras');
    expect((await groups.update('deals', 'sandbox_extras', { label: 'More' })).label).toBe('More');
    expect((await groups.getAll('deals')).results.map((g) => g.name)).toContain('sandbox_extras');

    const core = client.crm.properties.coreApi;
    const property = await core.create('deals', {
      name: 'risk_level',
      label: 'Risk',
      type: 'enumeration' as never,
      fieldType: 'select' as never,
      groupName: 'sandbox_extras',
      options: [
        { label: 'Low', value: 'low', hidden: false },
        { label: 'High', value: 'high', hidden: false },
      ],
    });
    expect(property.createdAt).toBeInstanceOf(Date);
    expect(property.modificationMetadata?.readOnlyValue).toBe(false);
    const renamed = await core.update('deals', 'risk_level', { label: 'Risk level' });
    expect(renamed.label).toBe('Risk level');
    expect((await core.getByName('deals', 'risk_level')).options.map((o) => o.value)).toEqual([
      'low',
      'high',
    ]);
    const duplicate = await refusal(
      core.create('deals', {
        name: 'risk_level',
        label: 'x',
        type: 'string' as never,
        fieldType: 'text' as never,
        groupName: 'sandbox_extras',
      }),
    );
    expect(duplicate.code).toBe(409);
    expect(duplicate.body.category).toBe('OBJECT_ALREADY_EXISTS');
    const all = await core.getAll('deals');
    expect(all.results.map((p) => p.name)).toEqual(expect.arrayContaining(['dealname', 'risk_level']));

    const deal = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Risky', risk_level: 'high' },
      associations: [],
    });
    expect(deal.properties.risk_level).toBe('high');

    await core.archive('deals', 'risk_level');
    expect((await core.getAll('deals', true)).results.map((p) => p.name)).toContain('risk_level');
    expect((await refusal(core.getByName('deals', 'risk_level'))).code).toBe(404);
    await groups.archive('deals', 'sandbox_extras');
    expect((await refusal(groups.getByName('deals', 'sandbox_extras'))).code).toBe(404);
  });

  it('defines a custom object and works with its records', async () => {
    const schemas = client.crm.schemas.coreApi;
    const schema = await schemas.create({
      name: 'boats',
      labels: { singular: 'Boat', plural: 'Boats' },
      primaryDisplayProperty: 'boat_name',
      requiredProperties: ['boat_name'],
      searchableProperties: ['boat_name'],
      secondaryDisplayProperties: [],
      associatedObjects: [],
      properties: [
        { name: 'boat_name', label: 'Name', type: 'string' as never, fieldType: 'text' },
        {
          name: 'hull_id',
          label: 'Hull id',
          type: 'string' as never,
          fieldType: 'text',
          hasUniqueValue: true,
        },
      ],
    });
    expect(schema.objectTypeId).toMatch(/^2-\d+$/);
    expect(schema.fullyQualifiedName).toBe('p62515_boats');
    expect(schema.createdAt).toBeInstanceOf(Date);
    expect((await schemas.getAll()).results.map((s) => s.name)).toContain('boats');
    expect((await schemas.getById('p62515_boats')).id).toBe(schema.id);
    const patched = await schemas.update(schema.objectTypeId!, {
      labels: { singular: 'Ship', plural: 'Ships' },
    });
    expect(patched.labels.singular).toBe('Ship');

    const objects = client.crm.objects.basicApi;
    const boat = await objects.create(schema.objectTypeId!, {
      properties: { boat_name: 'Calypso', hull_id: 'H-1' },
      associations: [],
    });
    const read = await objects.getById(
      'p62515_boats',
      'H-1',
      ['hull_id'],
      undefined,
      undefined,
      false,
      'hull_id',
    );
    expect(read).toMatchObject({ id: boat.id, properties: { hull_id: 'H-1', hs_object_id: boat.id } });
    const page = await objects.getPage('boats', 10);
    expect(page.results.map((r) => r.properties.boat_name)).toEqual(['Calypso']);
    expect(
      (await objects.update('boats', boat.id, { properties: { boat_name: 'Alcyone' } })).properties.boat_name,
    ).toBe('Alcyone');
    await objects.archive('boats', boat.id);
    await schemas.archive('boats');
    expect((await refusal(schemas.getById('boats'))).code).toBe(404);
    const again = await schemas.create({
      name: 'boats',
      labels: { singular: 'Boat', plural: 'Boats' },
      requiredProperties: [],
      associatedObjects: [],
      properties: [{ name: 'hull_id', label: 'Hull id', type: 'string' as never, fieldType: 'text' }],
    });
    expect(again.objectTypeId).not.toBe(schema.objectTypeId);
    expect(
      (await objects.getPage('boats', 10, undefined, undefined, undefined, undefined, true)).results,
    ).toEqual([]);
  });
});
