import { findStandardObjectType } from '../../hubspot/objectTypes';
import { createSandbox } from '../../sandbox';
import { seedPortal } from '../../sandbox/seed';

const typeId = (name: string) => findStandardObjectType(name)!.objectTypeId;

function seeded(seed: number, contacts = 2_000) {
  const { portal } = createSandbox({ rateLimits: false });
  const result = seedPortal(portal, { contacts, seed });
  const record = (type: string, id: string) => portal.records.get(typeId(type), id)!;
  return { portal, result, record };
}

describe('seedPortal', () => {
  it('writes N contacts, N/10 companies and N/5 deals', () => {
    const { portal, result } = seeded(7);
    expect(result.contactIds).toHaveLength(2_000);
    expect(result.companyIds).toHaveLength(200);
    expect(result.dealIds).toHaveLength(400);
    expect(portal.records.table(typeId('contacts')).size).toBe(2_000);
    expect(portal.records.table(typeId('companies')).size).toBe(200);
    expect(portal.records.table(typeId('deals')).size).toBe(400);
    // One contact → company link per contact, two links (contact, company) per deal.
    expect(result.links).toHaveLength(2_000 + 2 * 400);
  });

  it('gives the same records for the same seed, and other records for another seed', () => {
    const a = seeded(42);
    const b = seeded(42);
    const c = seeded(43);
    for (const type of ['contacts', 'companies', 'deals'] as const) {
      const ids =
        a.result[`${type === 'contacts' ? 'contact' : type === 'companies' ? 'company' : 'deal'}Ids`];
      for (const id of [ids[0]!, ids[ids.length - 1]!]) {
        expect(b.record(type, id)).toEqual(a.record(type, id));
        expect(c.record(type, id).properties).not.toEqual(a.record(type, id).properties);
      }
    }
    expect(b.result.links).toEqual(a.result.links);
  });

  it('writes records with their system properties, history and ascending creation dates', () => {
    const { result, record } = seeded(1, 100);
    const first = record('contacts', result.contactIds[0]!);
    const second = record('contacts', result.contactIds[1]!);
    expect(first.properties).toMatchObject({
      hs_object_id: first.id,
      createdate: new Date(first.createdAt).toISOString(),
      lastmodifieddate: new Date(first.createdAt).toISOString(),
      email: expect.stringMatching(/^[a-z]+\.[a-z-]+\.1@[a-z0-9-]+\.example$/),
    });
    expect(first.history.email).toEqual([
      { value: first.properties.email, timestamp: first.createdAt, sourceType: 'IMPORT' },
    ]);
    expect(second.createdAt).toBeGreaterThan(first.createdAt);
    expect(first.searchableAt).toBeLessThanOrEqual(Date.now());
  });

  it('associates each contact with its company and each deal with a contact and that company', () => {
    const { portal, result } = seeded(5, 50);
    const associated = (from: string, id: string, to: string) =>
      portal.associations.associatedIds(typeId(from), id, typeId(to));
    for (const link of result.links) expect(associated(link.from, link.fromId, link.to)).toContain(link.toId);
    const contactId = result.contactIds[0]!;
    expect(associated('contacts', contactId, 'companies')).toHaveLength(1);
    const deal = result.dealIds[0]!;
    const [dealContact] = associated('deals', deal, 'contacts');
    expect(associated('deals', deal, 'companies')).toEqual(associated('contacts', dealContact!, 'companies'));
  });
});
