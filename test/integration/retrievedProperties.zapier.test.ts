import { STANDARD_OBJECT_TYPES } from '../../hubspot/objectTypes';
import { defaultRetrievedProperties } from '../../operations/retrievedProperties';
import { expectRefused, liveCount, runner, tick, useZapierSandbox } from '../support/crm';
import { appTester, run, testApp } from '../support/zapier';

/**
 * "Properties to retrieve" through the real Zapier app against the sandbox: a trigger, a find, the writes and a list
 * trigger output a chosen custom property (no Find step needed), the common properties when nothing is chosen, reads
 * and searches spend no extra call for it, and the output fields carry the portal's labels.
 */
describe('Zapier properties to retrieve', () => {
  const context = useZapierSandbox();
  const { create, search, poll } = runner(context);
  const calls = () => context.t.sandbox.log.countsByEndpoint();
  const total = () => context.t.sandbox.log.summary().total;
  const READ_ONE = 'GET /crm/v3/objects/:objectType/:objectId';
  const SEARCH = 'POST /crm/v3/objects/:objectType/search';

  type Field = { key: string; label: string; type?: string };
  type Operation = { operation: { outputFields: unknown[] } };

  /** The output fields Zapier shows for a step: static ones and the function's, flattened as zapier-platform-core does. */
  async function outputFields(
    kind: 'triggers' | 'creates' | 'searches',
    key: string,
    inputData: Record<string, unknown>,
  ): Promise<Field[]> {
    const operation = (testApp[kind] as Record<string, Operation>)[key]!.operation;
    const resolved = await Promise.all(
      operation.outputFields.map((f) =>
        typeof f === 'function'
          ? appTester(f as never, { authData: context.authData, inputData } as never)
          : f,
      ),
    );
    return resolved.flat() as Field[];
  }

  beforeAll(async () => {
    for (const [type, name, label, group] of [
      ['contacts', 'shoe_size', 'Shoe size', 'contactinformation'],
      ['deals', 'erp_reference', 'ERP reference', 'dealinformation'],
    ] as const) {
      const response = await context.t.call('POST', `/crm/v3/properties/${type}`, {
        name,
        label,
        type: name === 'shoe_size' ? 'number' : 'string',
        fieldType: name === 'shoe_size' ? 'number' : 'text',
        groupName: group,
      });
      expect(response.status).toBe(201);
    }
  });

  it('the common properties of every standard type exist in the sandbox portal', async () => {
    for (const type of STANDARD_OBJECT_TYPES) {
      const response = await context.t.call('GET', `/crm/v3/properties/${type.name}`);
      const names = new Set(
        ((await response.json()) as { results: Array<{ name: string }> }).results.map((p) => p.name),
      );
      expect({
        type: type.name,
        missing: defaultRetrievedProperties(type).filter((n) => !names.has(n)),
      }).toEqual({
        type: type.name,
        missing: [],
      });
    }
  });

  it('new_contact: a chosen custom property comes in the poll’s one search, beside the common properties', async () => {
    await poll('new_contact', 'zap-retrieve');
    await tick();
    const created = await create('create_contact', {
      email: 'retrieve@example.com',
      jobtitle: 'Engineer',
      shoe_size: '44',
    });
    await tick();
    context.t.sandbox.log.clear();
    const [item] = (await poll('new_contact', 'zap-retrieve', {
      properties_to_retrieve: ['shoe_size'],
    })) as Array<{ id: string; properties: Record<string, string | null> }>;
    expect(item!.id).toBe(created.id);
    expect(item!.properties).toMatchObject({
      shoe_size: '44',
      jobtitle: 'Engineer',
      email: 'retrieve@example.com',
    });
    expect(total()).toBe(1);
    expect(calls()[SEARCH]).toBe(1);
  });

  it('new_or_updated_contact: nothing chosen outputs the common properties, still in one search', async () => {
    const [item] = (await run('triggers', 'new_or_updated_contact', {
      authData: context.authData,
      inputData: {},
    })) as Array<{ properties: Record<string, unknown> }>;
    expect(Object.keys(item!.properties)).toEqual(
      expect.arrayContaining([
        'phone',
        'company',
        'jobtitle',
        'lifecyclestage',
        'hs_lead_status',
        'hubspot_owner_id',
      ]),
    );
    expect(item!.properties).not.toHaveProperty('shoe_size');
    expect(total()).toBe(1);
  });

  it('find_contact: by e-mail the chosen property comes in the one read; by another property in the one search', async () => {
    await create('create_contact', { email: 'found@example.com', jobtitle: 'Analyst', shoe_size: '39' });
    context.t.sandbox.log.clear();
    const [byEmail] = await search('find_contact', {
      search_property: 'email',
      search_value: 'found@example.com',
      properties_to_retrieve: 'shoe_size, city',
    });
    expect(byEmail!.properties).toMatchObject({ shoe_size: '39', city: null, jobtitle: 'Analyst' });
    expect(total()).toBe(1);
    expect(calls()[READ_ONE]).toBe(1);

    const [bySearch] = await search('find_contact', {
      search_property: 'jobtitle',
      search_value: 'Analyst',
      properties_to_retrieve: ['shoe_size'],
    });
    expect(bySearch!.properties.shoe_size).toBe('39');
    expect(calls()[SEARCH]).toBe(1);
  });

  it('find_object: the chosen custom property of the chosen type', async () => {
    const deal = await create('create_deal', {
      dealname: 'Retrieved deal',
      dealstage: 'appointmentscheduled',
      erp_reference: 'ERP-7',
    });
    context.t.sandbox.log.clear();
    const [found] = await search('find_object', {
      object_type: 'deals',
      search_property: 'hs_object_id',
      search_value: deal.id,
      properties_to_retrieve: ['erp_reference'],
    });
    expect(found!.properties).toMatchObject({ erp_reference: 'ERP-7', dealname: 'Retrieved deal' });
    expect(total()).toBe(1);
  });

  it('a name that is not a property’s internal name is refused, naming the field, before any call', async () => {
    await expectRefused(
      search('find_contact', {
        search_property: 'email',
        search_value: 'found@example.com',
        properties_to_retrieve: ['Shoe size'],
      }),
      /Properties to retrieve.*"Shoe size" is not a HubSpot property's internal name/,
      total,
    );
    const contacts = () => liveCount(context.t, '0-1');
    await expectRefused(
      create('create_contact', { email: 'refused@example.com', properties_to_retrieve: 'shoe-size' }),
      /Properties to retrieve/,
      contacts,
    );
    expect(total()).toBe(0);
  });

  it('create_contact: one call without a choice; one more read only for chosen properties the answer lacks', async () => {
    await create('create_contact', { email: 'plain@example.com' });
    expect(calls()['POST /crm/v3/objects/:objectType']).toBe(1);
    expect(calls()[READ_ONE]).toBeUndefined();

    const written = await create('create_contact', {
      email: 'written@example.com',
      firstname: 'Wren',
      properties_to_retrieve: ['firstname'],
    });
    expect(written.properties.firstname).toBe('Wren');
    expect(calls()[READ_ONE]).toBeUndefined();

    const chosen = await create('create_contact', {
      email: 'chosen@example.com',
      properties_to_retrieve: ['shoe_size', 'jobtitle'],
    });
    expect(chosen.properties).toMatchObject({ email: 'chosen@example.com', shoe_size: null, jobtitle: null });
    expect(calls()[READ_ONE]).toBe(1);
    expect(calls()['POST /crm/v3/objects/:objectType']).toBe(3);
  });

  it('create_contact: a failed read of the chosen properties leaves the step succeeded, with one record', async () => {
    const contacts = () => liveCount(context.t, '0-1');
    const before = contacts();
    context.t.sandbox.faults.add({
      method: 'GET',
      pathPattern: '^/crm/v3/objects/contacts/\\d+$',
      status: 503,
      times: 10,
    });
    const created = await create('create_contact', {
      email: 'unread@example.com',
      properties_to_retrieve: ['shoe_size'],
    });
    expect(created.properties.email).toBe('unread@example.com');
    expect(created.properties).not.toHaveProperty('shoe_size');
    expect(contacts()).toBe(before + 1);
    expect(calls()['POST /crm/v3/objects/:objectType']).toBe(1);
  });

  it('update_contact and create_or_update_contact output a chosen property they did not write, with one read', async () => {
    await create('create_contact', { email: 'kept@example.com', shoe_size: '42' });
    context.t.sandbox.log.clear();
    const updated = await create('update_contact', {
      record_id: 'kept@example.com',
      id_property: 'email',
      firstname: 'Kim',
      properties_to_retrieve: ['shoe_size'],
    });
    expect(updated.properties).toMatchObject({ firstname: 'Kim', shoe_size: '42' });
    const upserted = await create('create_or_update_contact', {
      id_property: 'email',
      email: 'kept@example.com',
      lastname: 'Keller',
      properties_to_retrieve: ['shoe_size'],
    });
    expect(upserted.properties).toMatchObject({ lastname: 'Keller', shoe_size: '42' });
    expect(upserted.is_new).toBe(false);
    expect(calls()['PATCH /crm/v3/objects/:objectType/:objectId']).toBe(1);
    expect(calls()['POST /crm/v3/objects/:objectType/batch/upsert']).toBe(1);
    expect(calls()[READ_ONE]).toBe(2);
  });

  it('contact_property_change: the record’s chosen properties come in the history read it makes anyway', async () => {
    await poll('contact_property_change', 'zap-change', { property: 'lifecyclestage' });
    await tick();
    await create('update_contact', {
      record_id: 'kept@example.com',
      id_property: 'email',
      lifecyclestage: 'customer',
    });
    await tick();
    context.t.sandbox.log.clear();
    const [change] = (await poll('contact_property_change', 'zap-change', {
      property: 'lifecyclestage',
      properties_to_retrieve: ['shoe_size'],
    })) as Array<{ value: string; properties: Record<string, string> }>;
    expect(change!.value).toBe('customer');
    expect(change!.properties).toMatchObject({ shoe_size: '42', email: 'kept@example.com' });
    expect(calls()).toEqual({ [SEARCH]: 1, 'POST /crm/v3/objects/:objectType/batch/read': 1 });
  });

  it('new_list_member: the members’ chosen properties come in the one batch read', async () => {
    const portal = context.t.sandbox.portal;
    const list = portal.lists.create({
      name: 'Retrieved members',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
      createdAt: portal.now(),
      updatedAt: portal.now(),
      createdById: '1',
    });
    const inputData = { list_id: list.listId, properties_to_retrieve: ['shoe_size'] };
    await poll('new_list_member', 'zap-members', inputData);
    const member = await create('create_contact', { email: 'member@example.com', shoe_size: '40' });
    list.members.set(member.id, portal.now());
    context.t.sandbox.log.clear();
    const [item] = (await poll('new_list_member', 'zap-members', inputData)) as Array<{
      properties: Record<string, string>;
    }>;
    expect(item!.properties).toMatchObject({ shoe_size: '40', email: 'member@example.com' });
    expect(calls()['POST /crm/v3/objects/:objectType/batch/read']).toBe(1);
    expect(total()).toBe(3);
  });

  it('output fields: identity fields first, then the retrieved properties by the portal’s labels', async () => {
    const fields = await outputFields('triggers', 'new_contact', { properties_to_retrieve: ['shoe_size'] });
    expect(fields.slice(0, 4).map((f) => f.key)).toEqual(['id', 'createdAt', 'updatedAt', 'archived']);
    const properties = fields.filter((f) => f.key.startsWith('properties__'));
    expect(properties).toContainEqual({ key: 'properties__shoe_size', label: 'Shoe size', type: 'number' });
    expect(properties).toContainEqual({ key: 'properties__jobtitle', label: 'Job Title', type: 'string' });
    expect(properties).toContainEqual({
      key: 'properties__createdate',
      label: 'Create Date',
      type: 'datetime',
    });
    const labels = properties.map((f) => f.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(new Set(properties.map((f) => f.key)).size).toBe(properties.length);

    const deals = await outputFields('searches', 'find_object', {
      object_type: 'deals',
      properties_to_retrieve: ['erp_reference'],
    });
    expect(deals).toContainEqual({
      key: 'properties__erp_reference',
      label: 'ERP reference',
      type: 'string',
    });
    expect(deals).toContainEqual({ key: 'properties__dealname', label: 'Deal Name', type: 'string' });
    const created = await outputFields('creates', 'create_contact', {});
    expect(created.map((f) => f.key)).toContain('properties__hubspot_owner_id');
    expect(created.map((f) => f.key)).not.toContain('properties__shoe_size');
  });
});
