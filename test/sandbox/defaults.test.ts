import { STANDARD_OBJECT_TYPES } from '../../hubspot/objectTypes';
import { defaultSchemaFor, requiredOnCreate } from '../../sandbox/defaults';
import type { PropertyDef } from '../../sandbox/model';

const NOW = 1_700_000_000_000;

/** Enumerations whose options come from the portal (pipelines, owners), not from the defaults. */
const FILLED_AT_RUNTIME = new Set([
  'pipeline',
  'dealstage',
  'hs_pipeline',
  'hs_pipeline_stage',
  'hubspot_owner_id',
]);

const CHOICE_FIELD_TYPES = new Set(['select', 'radio', 'checkbox']);

const ENGAGEMENTS = ['notes', 'tasks', 'calls', 'meetings', 'emails'];

function propertyOf(objectType: string, name: string): PropertyDef {
  const found = defaultSchemaFor(objectType, NOW).properties.find((p) => p.name === name);
  if (!found) throw new Error(`${objectType} has no ${name}`);
  return found;
}

describe.each(STANDARD_OBJECT_TYPES.map((t) => [t.name, t] as const))('%s default schema', (_name, type) => {
  const { groups, properties } = defaultSchemaFor(type.name, NOW);
  const names = properties.map((p) => p.name);

  it('has unique property and group names', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(groups.map((g) => g.name)).size).toBe(groups.length);
  });

  it('puts every property in one of its own groups', () => {
    const groupNames = new Set(groups.map((g) => g.name));
    expect(properties.filter((p) => !groupNames.has(p.groupName)).map((p) => p.name)).toEqual([]);
  });

  it('gives choice enumerations options unless the portal fills them', () => {
    const empty = properties.filter(
      (p) => p.type === 'enumeration' && CHOICE_FIELD_TYPES.has(p.fieldType) && p.options.length === 0,
    );
    expect(empty.map((p) => p.name).filter((n) => !FILLED_AT_RUNTIME.has(n))).toEqual([]);
  });

  it('numbers options in order and shows them', () => {
    for (const p of properties) {
      expect(p.options.map((o) => o.displayOrder)).toEqual(p.options.map((_, i) => i));
      expect(p.options.every((o) => !o.hidden && o.value !== '' && o.label !== '')).toBe(true);
      expect(new Set(p.options.map((o) => o.value)).size).toBe(p.options.length);
    }
  });

  it('pairs types with HubSpot field types', () => {
    const allowed: Record<PropertyDef['type'], string[]> = {
      date: ['date'],
      datetime: ['date'],
      bool: ['booleancheckbox'],
      enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
      number: ['number', 'calculation_equation'],
      string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
      phone_number: ['phonenumber'],
    };
    const mismatched = properties.filter((p) => !allowed[p.type].includes(p.fieldType));
    expect(mismatched.map((p) => `${p.name}:${p.type}/${p.fieldType}`)).toEqual([]);
  });

  it('marks every calculated property read-only', () => {
    expect(properties.filter((p) => p.calculated && !p.readOnlyValue).map((p) => p.name)).toEqual([]);
  });

  it('has read-only system properties, with hs_object_id unique', () => {
    const system = ['hs_object_id', type.createdProperty, type.lastModifiedProperty];
    for (const name of system) {
      const p = propertyOf(type.name, name);
      expect(p.readOnlyValue).toBe(true);
    }
    const id = propertyOf(type.name, 'hs_object_id');
    expect([id.type, id.hasUniqueValue]).toEqual(['number', true]);
    for (const name of [type.createdProperty, type.lastModifiedProperty]) {
      expect(propertyOf(type.name, name).type).toBe('datetime');
    }
  });

  it('defines every search query property, default property and the primary display property', () => {
    const wanted = [...type.queryProperties, ...type.defaultProperties, type.primaryDisplayProperty];
    expect(wanted.filter((n) => !names.includes(n))).toEqual([]);
  });

  it('defines the required-on-create properties as writable', () => {
    for (const name of requiredOnCreate(type.name)) {
      expect(propertyOf(type.name, name).readOnlyValue).toBe(false);
    }
  });

  it('stamps creation time and display order', () => {
    expect(properties.every((p) => p.createdAt === NOW && p.updatedAt === NOW)).toBe(true);
    expect(properties.map((p) => p.displayOrder)).toEqual(properties.map((_, i) => i));
    expect(properties.every((p) => p.hubspotDefined && !p.archived)).toBe(true);
  });
});

describe('default schema details', () => {
  it('keeps hs_timestamp writable and required on every engagement', () => {
    for (const type of ENGAGEMENTS) {
      const ts = propertyOf(type, 'hs_timestamp');
      expect([ts.type, ts.fieldType, ts.readOnlyValue]).toEqual(['datetime', 'date', false]);
      expect(requiredOnCreate(type)).toEqual(['hs_timestamp']);
    }
  });

  it('requires nothing documented on contacts, companies and deals', () => {
    expect(requiredOnCreate('contacts')).toEqual([]);
    expect(requiredOnCreate('companies')).toEqual([]);
    expect(requiredOnCreate('deals')).toEqual([]);
  });

  it('leaves contact email non-unique in its definition (the write logic dedupes on it)', () => {
    const email = propertyOf('contacts', 'email');
    expect([email.type, email.fieldType, email.hasUniqueValue]).toEqual(['string', 'text', false]);
  });

  it('has HubSpot lifecycle stages and lead statuses on contacts', () => {
    const stages = propertyOf('contacts', 'lifecyclestage');
    expect(stages.fieldType).toBe('radio');
    expect(stages.options.map((o) => o.value)).toEqual([
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      'other',
    ]);
    expect(propertyOf('contacts', 'hs_lead_status').options.map((o) => o.value)).toContain(
      'ATTEMPTED_TO_CONTACT',
    );
    expect(propertyOf('contacts', 'hs_buying_role').fieldType).toBe('checkbox');
  });

  it('points owner properties at owners with no fixed options', () => {
    for (const type of STANDARD_OBJECT_TYPES.filter(
      (t) => t.name !== 'products' && t.name !== 'line_items',
    )) {
      const owner = propertyOf(type.name, 'hubspot_owner_id');
      expect([owner.type, owner.referencedObjectType, owner.options]).toEqual(['enumeration', 'OWNER', []]);
    }
  });

  it('flags computed values', () => {
    for (const [type, name] of [
      ['contacts', 'num_contacted_notes'],
      ['contacts', 'hs_analytics_num_visits'],
      ['companies', 'num_associated_contacts'],
      ['deals', 'days_to_close'],
      ['deals', 'amount_in_home_currency'],
      ['deals', 'hs_is_closed'],
      ['line_items', 'amount'],
      ['tickets', 'time_to_close'],
    ] as const) {
      const p = propertyOf(type, name);
      expect([name, p.calculated, p.readOnlyValue]).toEqual([name, true, true]);
    }
  });

  it('has unique ticket ids and product SKUs but not line item SKUs', () => {
    expect(propertyOf('tickets', 'hs_ticket_id').hasUniqueValue).toBe(true);
    expect(propertyOf('products', 'hs_sku').hasUniqueValue).toBe(true);
    expect(propertyOf('line_items', 'hs_sku').hasUniqueValue).toBe(false);
  });

  it('offers writable contact properties to forms, not read-only ones, and no deal properties', () => {
    expect(propertyOf('contacts', 'firstname').formField).toBe(true);
    expect(propertyOf('contacts', 'createdate').formField).toBe(false);
    expect(propertyOf('deals', 'dealname').formField).toBe(false);
  });

  it('resolves ids and singular names, and rejects unknown types', () => {
    expect(defaultSchemaFor('0-3', NOW).properties.map((p) => p.name)).toContain('dealname');
    expect(defaultSchemaFor('contact', NOW).properties.map((p) => p.name)).toContain('email');
    expect(() => defaultSchemaFor('p123_widgets', NOW)).toThrow(/p123_widgets/);
  });

  it('returns a fresh copy each time', () => {
    const first = defaultSchemaFor('contacts', NOW);
    first.properties[0]!.label = 'changed';
    first.properties
      .find((p) => p.name === 'lifecyclestage')!
      .options.push({
        label: 'x',
        value: 'x',
        displayOrder: 9,
        hidden: false,
      });
    first.groups[0]!.label = 'changed';
    const again = defaultSchemaFor('contacts', NOW);
    expect(again.properties[0]!.label).not.toBe('changed');
    expect(again.groups[0]!.label).not.toBe('changed');
    expect(propertyOf('contacts', 'lifecyclestage').options).toHaveLength(8);
  });
});
