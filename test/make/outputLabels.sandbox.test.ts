import { findStandardObjectType } from '../../hubspot/objectTypes';
import { rpcReference } from '../../make/iml/interface';
import type { Json } from '../../make/model';
import { OPERATIONS } from '../../operations';
import { INSTANT_TRIGGERS } from '../../operations/instant';
import { defaultRetrievedProperties } from '../../operations/retrievedProperties';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * Output labels on Make: a module whose output carries record properties names an RPC in its interface, and the RPC
 * answers those properties as the portal labels and types them, in one read of the type's property definitions.
 */
describe('Make output labels from the portal against the sandbox', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  let carType: string;

  const propertiesOf = (fields: Json[]) => {
    const collections = fields.filter((f) => f.name === 'properties');
    expect(collections).toHaveLength(1);
    expect(collections[0]).toMatchObject({ type: 'collection', label: 'Properties' });
    return collections[0]!.spec as Json[];
  };
  const field = (fields: Json[], name: string) => propertiesOf(fields).find((f) => f.name === name);
  const propertyReads = () => make.requests.filter((r) => r.url.includes('/properties/'));

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
    const created = await Promise.all([
      t.call('POST', '/crm/v3/properties/contacts', {
        name: 'shoe_size',
        label: 'Shoe size',
        type: 'number',
        fieldType: 'number',
        groupName: 'contactinformation',
      }),
      t.call('POST', '/crm/v3/properties/contacts', {
        name: 'renewal_on',
        label: 'Renewal on',
        type: 'date',
        fieldType: 'date',
        groupName: 'contactinformation',
      }),
      t.call('POST', '/crm/v3/properties/deals', {
        name: 'deal_tier',
        label: 'Deal tier',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'dealinformation',
        options: [
          { label: 'Gold', value: 'gold' },
          { label: 'Silver', value: 'silver' },
        ],
      }),
      t.call('POST', '/crm-object-schemas/v3/schemas', {
        name: 'cars',
        labels: { singular: 'Car', plural: 'Cars' },
        primaryDisplayProperty: 'vin',
        requiredProperties: ['vin'],
        properties: [{ name: 'vin', label: 'VIN', type: 'string', fieldType: 'text' }],
      }),
    ]);
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    carType = ((await created[3]!.json()) as { objectTypeId: string }).objectTypeId;
  });
  afterAll(() => t.close());
  beforeEach(() => {
    make.requests = [];
  });

  it("findContact: the common properties and a chosen custom one, with the portal's labels and types, in one read", async () => {
    const fields = await make.interfaceOf('findContact', {
      properties_to_retrieve: ['shoe_size', 'renewal_on'],
    });
    // The static fields stay, before the labelled properties.
    expect(fields[0]).toMatchObject({ name: 'id', type: 'text' });
    expect(field(fields, 'hs_lead_status')).toEqual({
      name: 'hs_lead_status',
      label: 'Lead Status',
      type: 'text',
    });
    expect(field(fields, 'shoe_size')).toEqual({ name: 'shoe_size', label: 'Shoe size', type: 'number' });
    expect(field(fields, 'renewal_on')).toEqual({ name: 'renewal_on', label: 'Renewal on', type: 'date' });
    expect(field(fields, 'createdate')).toMatchObject({ type: 'date' });
    // Exactly what the module asks for: the common properties and the chosen ones, no other of the portal's.
    const contacts = defaultRetrievedProperties(findStandardObjectType('contacts')!);
    expect(
      propertiesOf(fields)
        .map((f) => f.name)
        .sort(),
    ).toEqual([...contacts, 'shoe_size', 'renewal_on'].sort());
    expect(propertyReads().map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /crm/v3/properties/contacts',
    ]);
  });

  it('a property not chosen is not labelled', async () => {
    const fields = await make.interfaceOf('newContact', {});
    expect(field(fields, 'shoe_size')).toBeUndefined();
    expect(field(fields, 'email')).toMatchObject({ label: 'Email' });
  });

  it('a write labels the properties it wrote, besides the default set', async () => {
    const fields = await make.interfaceOf('createContact', { email: 'w@example.com', shoe_size: 44 });
    expect(field(fields, 'shoe_size')).toEqual({ name: 'shoe_size', label: 'Shoe size', type: 'number' });
    expect(field(fields, 'renewal_on')).toBeUndefined();
    expect(field(fields, 'lastmodifieddate')).toMatchObject({ type: 'date' });
  });

  it('a type chosen in the module: its properties, enumerations as text under their label', async () => {
    const fields = await make.interfaceOf('findObject', {
      object_type: 'deals',
      properties_to_retrieve: ['deal_tier'],
    });
    expect(field(fields, 'deal_tier')).toEqual({ name: 'deal_tier', label: 'Deal tier', type: 'text' });
    expect(field(fields, 'amount')).toMatchObject({ type: 'number' });
    expect(propertyReads().map((r) => new URL(r.url).pathname)).toEqual(['/crm/v3/properties/deals']);
  });

  it('a custom object chosen in the module: its own properties', async () => {
    const fields = await make.interfaceOf('getObject', {
      object_type: carType,
      properties_to_retrieve: ['vin'],
    });
    expect(field(fields, 'vin')).toEqual({ name: 'vin', label: 'VIN', type: 'text' });
    expect(field(fields, 'hs_createdate')).toMatchObject({ type: 'date' });
  });

  it('no type chosen yet: the static fields only, and no call', async () => {
    const fields = await make.interfaceOf('createObject', {});
    expect(fields.some((f) => f.name === 'properties')).toBe(false);
    expect(fields.some((f) => f.name === 'id')).toBe(true);
    expect(make.requests).toEqual([]);
  });

  it('every module kind that outputs record properties labels them from the portal', async () => {
    const kinds = {
      create: 'createContact',
      update: 'updateContact',
      upsert: 'createOrUpdateContact',
      find: 'findContact',
      get: 'getContact',
      search: 'searchContacts',
      watch: 'newOrUpdatedContact',
      propertyChange: 'contactPropertyChange',
      engagement: 'createNote',
      instant: 'watchNewContactInstant',
    };
    for (const [kind, name] of Object.entries(kinds)) {
      const fields = await make.interfaceOf(name, {});
      const labels = propertiesOf(fields).map((f) => f.label);
      const expected = kind === 'engagement' ? 'Activity date' : 'Last Modified Date';
      expect({ kind, name, labelled: labels.includes(expected) }).toEqual({ kind, name, labelled: true });
    }
  });

  it('references the RPC, in place of the static properties, in every module whose output carries them', () => {
    const defs = new Map<string, { outputProperties?: unknown }>(
      [...OPERATIONS, ...INSTANT_TRIGGERS].map((d) => [d.key, d]),
    );
    const kept: string[] = [];
    let referencing = 0;
    for (const module of make.app.modules) {
      if (!defs.get(module.operationKey ?? '')?.outputProperties) continue;
      const rpcs = module.interface.map(rpcReference).filter((n) => n !== undefined);
      const statics = module.interface.filter((f) => typeof f === 'object' && f.name === 'properties');
      if (rpcs.length === 0) {
        kept.push(module.name);
        continue;
      }
      referencing++;
      expect({ module: module.name, rpcs, statics }).toEqual({
        module: module.name,
        rpcs: [expect.stringMatching(/^list\w+OutputProperties$/)],
        statics: [],
      });
      expect(make.app.rpcs.some((r) => r.name === rpcs[0])).toBe(true);
    }
    expect(referencing).toBeGreaterThan(70);
    // Instant triggers on a type chosen on their webhook, which the module's RPC cannot read, and deletions.
    expect(kept.sort()).toEqual(
      [
        'watchAssociationChangedInstant',
        'watchNewObjectInstant',
        'watchObjectDeletedInstant',
        'watchObjectPropertyChangeInstant',
        'watchRecordsMergedInstant',
      ].sort(),
    );
  });
});
