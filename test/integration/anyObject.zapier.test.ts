import { useZapierSandbox } from '../support/crm';
import type { TestSandbox } from '../support/sandbox';
import { appTester, run, testApp } from '../support/zapier';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Any object type, a custom object included, end to end: the real Zapier app against the sandbox, with the custom
 * object's schema created through the sandbox's schemas API first.
 */
describe('Zapier any-object operations against the sandbox', () => {
  const sandbox = useZapierSandbox();
  let t: TestSandbox;
  let authData: Record<string, string>;
  let carType: string;

  beforeAll(async () => {
    ({ t, authData } = sandbox);
    const res = await t.call('POST', '/crm-object-schemas/v3/schemas', {
      name: 'cars',
      labels: { singular: 'Car', plural: 'Cars' },
      primaryDisplayProperty: 'vin',
      requiredProperties: ['vin'],
      properties: [
        { name: 'vin', label: 'VIN', type: 'string', fieldType: 'text', hasUniqueValue: true },
        { name: 'make', label: 'Make', type: 'string', fieldType: 'text' },
        {
          name: 'fuel',
          label: 'Fuel',
          type: 'enumeration',
          fieldType: 'select',
          options: [
            { label: 'Petrol', value: 'petrol' },
            { label: 'Electric', value: 'electric' },
          ],
        },
        { name: 'registered_on', label: 'Registered on', type: 'date', fieldType: 'date' },
      ],
    });
    expect(res.status).toBe(201);
    carType = ((await res.json()) as { objectTypeId: string }).objectTypeId;
  });

  const cars = () => [...t.sandbox.portal.records.table(carType).values()].filter((r) => !r.archived);
  const create = (inputData: Record<string, unknown>) =>
    run('creates', 'create_object', {
      authData,
      inputData: { object_type: carType, ...inputData },
    }) as Promise<{
      id: string;
      properties: Record<string, string>;
    }>;
  const poll = (key: string, zap: string, inputData: Record<string, unknown>) =>
    run('triggers', key, { authData, inputData, meta: { zap: { id: zap } } }) as Promise<
      Array<Record<string, unknown>>
    >;

  it('lists the custom object among the object types, after the standard ones', async () => {
    const items = (await run('triggers', 'object_type_list', { authData })) as Array<{
      id: string;
      label: string;
    }>;
    expect(items[0]).toEqual({ id: 'contacts', label: 'Contacts' });
    expect(items).toContainEqual({ id: carType, label: 'Cars (custom object)' });
    expect(t.sandbox.log.countsByEndpoint()['GET /crm-object-schemas/v3/schemas']).toBe(1);
  });

  it('loads the property fields of the chosen type, and none before a type is chosen', async () => {
    const dynamic = (
      testApp.creates as Record<string, { operation: { inputFields: unknown[] } }>
    ).create_object!.operation.inputFields.find((f) => typeof f === 'function') as (
      ...args: unknown[]
    ) => unknown;
    const fields = (await appTester(
      dynamic as never,
      { authData, inputData: { object_type: carType } } as never,
    )) as Array<{
      key: string;
      choices?: unknown[];
    }>;
    expect(fields.map((f) => f.key)).toEqual(
      expect.arrayContaining(['vin', 'make', 'fuel', 'registered_on']),
    );
    expect(fields.find((f) => f.key === 'fuel')!.choices).toHaveLength(2);
    expect(await appTester(dynamic as never, { authData, inputData: {} } as never)).toEqual([]);
    const propertyDropdown = (await run('triggers', 'object_type_property_list', {
      authData,
      inputData: { object_type: carType },
    })) as Array<{ id: string }>;
    expect(propertyDropdown[0]!.id).toBe('hs_object_id');
    expect(propertyDropdown.map((p) => p.id)).toContain('make');
  });

  it('creates, updates by a unique property, upserts and finds a custom object record', async () => {
    const created = await create({
      vin: 'VIN-1',
      make: 'Volvo',
      fuel: 'Electric',
      registered_on: '2025-03-01',
    });
    const stored = t.sandbox.portal.records.get(carType, created.id)!;
    expect(stored.properties.fuel).toBe('electric');
    expect(stored.properties.registered_on).toBe('2025-03-01');
    expect(t.sandbox.log.countsByEndpoint()['POST /crm/v3/objects/:objectType']).toBe(1);

    await run('creates', 'update_object', {
      authData,
      inputData: { object_type: carType, record_id: 'VIN-1', id_property: 'vin', make: 'Polestar' },
    });
    expect(t.sandbox.portal.records.get(carType, created.id)!.properties.make).toBe('Polestar');

    t.sandbox.log.clear();
    const upserted = (await run('creates', 'create_or_update_object', {
      authData,
      inputData: { object_type: carType, id_property: 'vin', vin: 'VIN-1', fuel: 'petrol' },
    })) as { id: string; is_new: boolean };
    expect(upserted).toMatchObject({ id: created.id, is_new: false });
    expect(t.sandbox.log.summary().total).toBe(1);

    const found = (await run('searches', 'find_object', {
      authData,
      inputData: { object_type: carType, search_property: 'vin', search_value: 'VIN-1' },
    })) as Array<{ id: string }>;
    expect(found.map((f) => f.id)).toEqual([created.id]);
  });

  it('works on a standard type chosen in the same step (companies)', async () => {
    const company = (await run('creates', 'create_object', {
      authData,
      inputData: { object_type: 'companies', name: 'Analytical Engines Ltd', domain: 'engines.example.com' },
    })) as { id: string };
    expect(t.sandbox.portal.records.get('0-2', company.id)!.properties.domain).toBe('engines.example.com');
  });

  it.each([
    [{ object_type: 'spaceships', vin: 'X' }, /Object type \(object_type\).*not an object type/],
    [{ vin: 'VIN-2', fuel: 'diesel' }, /Fuel \(fuel\)/],
    [{ vin: 'VIN-3', registered_on: 'sometime soon' }, /registered_on/],
    [{ vin: 'VIN-4', colour: 'red' }, /colour.*not a property/],
    [{ make: 'Saab' }, /vin/i],
  ])('refuses bad input %j naming the field, writing nothing', async (inputData, message) => {
    const before = cars().length;
    await expect(create(inputData)).rejects.toThrow(message);
    expect(cars().length).toBe(before);
  });

  it('triggers on new, changed and property-changed custom object records, with one watermark per type', async () => {
    await poll('new_object', 'zap-cars', { object_type: carType });
    await poll('new_object', 'zap-cars-companies', { object_type: 'companies' });
    await poll('new_or_updated_object', 'zap-cars', { object_type: carType });
    await poll('object_property_change', 'zap-cars', { object_type: carType, property: 'make' });
    await sleep(5);
    const car = await create({ vin: 'VIN-10', make: 'Saab' });
    await sleep(5);
    await run('creates', 'update_object', {
      authData,
      inputData: { object_type: carType, record_id: car.id, make: 'Koenigsegg' },
    });
    await sleep(5);

    const fresh = await poll('new_object', 'zap-cars', { object_type: carType });
    expect(fresh.map((r) => r.id)).toEqual([car.id]);
    expect(await poll('new_object', 'zap-cars-companies', { object_type: 'companies' })).toEqual([]);
    const changed = await poll('new_or_updated_object', 'zap-cars', { object_type: carType });
    expect(changed.map((r) => r.record_id)).toEqual([car.id]);
    const changes = await poll('object_property_change', 'zap-cars', {
      object_type: carType,
      property: 'make',
    });
    expect(changes.map((c) => [c.previous_value, c.value])).toEqual([
      ['Saab', 'Koenigsegg'],
      [null, 'Saab'],
    ]);
    expect(changes[0]!.source_type).toEqual(expect.any(String));
  });

  it('archives a custom object record by its unique VIN, and refuses an unknown one naming the field', async () => {
    const car = (await run('creates', 'create_object', {
      authData,
      inputData: { object_type: carType, vin: 'ARCHIVE-VIN-1', make: 'Saab' },
    })) as { id: string };
    t.sandbox.log.clear();
    const archived = await run('creates', 'archive_object', {
      authData,
      inputData: { object_type: carType, record_id: 'ARCHIVE-VIN-1', id_property: 'vin' },
    });
    expect(archived).toEqual({ id: car.id, archived: true, object_type: expect.any(String) });
    const stored = [
      ...t.sandbox.portal.records.table(t.sandbox.portal.objectTypes.resolve(carType).objectTypeId).values(),
    ].find((r) => r.id === car.id);
    expect(stored!.archived).toBe(true);
    expect(t.sandbox.log.summary().total).toBe(2);
    const live = () => [...t.sandbox.portal.records.table('0-1').values()].filter((r) => !r.archived).length;
    const before = live();
    await expect(
      run('creates', 'archive_object', {
        authData,
        inputData: { object_type: 'contacts', record_id: '999999999' },
      }),
    ).rejects.toThrow(
      /ID or unique value \(record_id\): no contact has record ID "999999999"; nothing was archived/,
    );
    await expect(
      run('creates', 'archive_object', {
        authData,
        inputData: { object_type: 'contacts', record_id: 'not-an-id' },
      }),
    ).rejects.toThrow(/record_id/);
    expect(live()).toBe(before);
  });

  it('merges two contacts into the primary one, and refuses the same id twice or a non-id, writing nothing', async () => {
    const create = async (properties: Record<string, string>) =>
      ((await run('creates', 'create_contact', { authData, inputData: properties })) as { id: string }).id;
    const keep = await create({ email: 'keep-me@example.com' });
    const gone = await create({ email: 'merge-me@example.com', firstname: 'Merged', jobtitle: 'Engineer' });
    t.sandbox.log.clear();
    const merged = (await run('creates', 'merge_records', {
      authData,
      inputData: { object_type: 'contacts', primary_id: keep, merged_id: gone },
    })) as { id: string; properties: Record<string, string> };
    expect(merged.id).toBe(keep);
    expect(t.sandbox.log.summary().total).toBe(1);
    const stored = t.sandbox.portal.records.get('0-1', keep)!.properties;
    expect(stored).toMatchObject({ email: 'keep-me@example.com', firstname: 'Merged', jobtitle: 'Engineer' });
    expect(t.sandbox.portal.records.get('0-1', gone)).toBeUndefined();
    const other = await create({ email: 'still-here@example.com' });
    t.sandbox.log.clear();
    await expect(
      run('creates', 'merge_records', {
        authData,
        inputData: { object_type: 'contacts', primary_id: other, merged_id: other },
      }),
    ).rejects.toThrow(/merged_id.*same record/);
    await expect(
      run('creates', 'merge_records', {
        authData,
        inputData: { object_type: 'contacts', primary_id: other, merged_id: 'someone@example.com' },
      }),
    ).rejects.toThrow(/merged_id.*not a HubSpot record ID/);
    await expect(
      run('creates', 'merge_records', {
        authData,
        inputData: { object_type: 'products', primary_id: other, merged_id: keep },
      }),
    ).rejects.toThrow(/object_type/);
    expect(t.sandbox.log.summary().total).toBe(0);
  });
});
