import { findStandardObjectType } from '../../hubspot/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import { useZapierSandbox } from '../support/crm';
import type { TestSandbox } from '../support/sandbox';
import { run } from '../support/zapier';

const contacts = findStandardObjectType('contacts')!;
const companies = findStandardObjectType('companies')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Associations v4 through the Zapier app: labels from the portal, removal, finding, and triggers that include them. */
describe('Zapier association operations against the sandbox', () => {
  const sandbox = useZapierSandbox();
  let t: TestSandbox;
  let authData: Record<string, string>;
  let labelTypeId: number;

  beforeAll(async () => {
    ({ t, authData } = sandbox);
    const res = await t.call('POST', '/crm/v4/associations/contacts/companies/labels', {
      label: 'Decision maker',
      name: 'decision_maker',
      inverseLabel: 'Has decision maker',
    });
    expect(res.status).toBe(200);
    const created = (await res.json()) as { results: Array<{ typeId: number; label: string }> };
    labelTypeId = created.results.find((r) => r.label === 'Decision maker')!.typeId;
  });

  const contact = (email: string) => createRecord(t.sandbox.portal, contacts, { properties: { email } }).id;
  const company = (name: string) => createRecord(t.sandbox.portal, companies, { properties: { name } }).id;
  const typesBetween = (contactId: string, companyId: string) => [
    ...(t.sandbox.portal.associations.typesBetween('0-1', contactId, '0-2', companyId)?.keys() ?? []),
  ];
  const pair = (from_id: string, to_id: string, extra: Record<string, unknown> = {}) => ({
    from_object_type: 'contacts',
    from_id,
    to_object_type: 'companies',
    to_id,
    ...extra,
  });

  it("offers the portal's labels between the chosen types, and none before both are chosen", async () => {
    const items = (await run('triggers', 'association_label_list', {
      authData,
      inputData: { from_object_type: 'contacts', to_object_type: 'companies' },
    })) as Array<{ id: string; label: string }>;
    expect(items).toContainEqual({ id: `USER_DEFINED:${labelTypeId}`, label: 'Decision maker' });
    expect(items).toContainEqual({ id: 'HUBSPOT_DEFINED:1', label: 'Primary' });
    expect(items).toContainEqual({ id: 'HUBSPOT_DEFINED:279', label: 'Associated (no label)' });
    expect(
      await run('triggers', 'association_label_list', {
        authData,
        inputData: { from_object_type: 'contacts' },
      }),
    ).toEqual([]);
  });

  it('creates an unlabelled association in one call, and a labelled one by dropdown value or by name', async () => {
    const c = contact('assoc1@example.com');
    const co = company('Assoc One');
    await run('creates', 'create_association', { authData, inputData: pair(c, co) });
    expect(typesBetween(c, co)).toEqual([279]);
    expect(t.sandbox.log.summary().total).toBe(1);

    const byValue = (await run('creates', 'create_association', {
      authData,
      inputData: pair(c, co, { label: `USER_DEFINED:${labelTypeId}` }),
    })) as { labels: string[] };
    expect(byValue.labels).toContain('Decision maker');
    const other = company('Assoc Two');
    await run('creates', 'create_association', {
      authData,
      inputData: pair(c, other, { label: 'decision MAKER' }),
    });
    expect(typesBetween(c, other)).toContain(labelTypeId);
  });

  it.each([
    [
      { label: 'Best friend' },
      /Association label \(label\).*"Best friend" is not an association label.*Decision maker/,
    ],
    [{ to_object_type: 'starships' }, /To object type \(to_object_type\)/],
    [{ from_id: '' }, /From record ID \(from_id\): is required/],
    [{ to_id: 'acme.example.com' }, /To record ID \(to_id\).*digits only/],
  ])('refuses bad input %j naming the field, writing nothing', async (extra, message) => {
    const c = contact(`bad${Math.random()}@example.com`);
    const co = company('Bad');
    await expect(
      run('creates', 'create_association', { authData, inputData: pair(c, co, extra) }),
    ).rejects.toThrow(message);
    expect(typesBetween(c, co)).toEqual([]);
    const writes = Object.keys(t.sandbox.log.countsByEndpoint()).filter((e) => e.startsWith('PUT'));
    expect(writes).toEqual([]);
  });

  it('finds associated records with their label names, and nothing when there are none', async () => {
    const c = contact('find@example.com');
    const a = company('Find A');
    const b = company('Find B');
    await run('creates', 'create_association', {
      authData,
      inputData: pair(c, a, { label: 'Decision maker' }),
    });
    await run('creates', 'create_association', { authData, inputData: pair(c, b) });
    const [found] = (await run('searches', 'find_associations', {
      authData,
      inputData: { from_object_type: 'contacts', from_id: c, to_object_type: 'companies' },
    })) as Array<{ count: number; ids: string[]; associations: Array<{ id: string; labels: string[] }> }>;
    expect(found!.count).toBe(2);
    expect(found!.ids.sort()).toEqual([a, b].sort());
    expect(found!.associations.find((x) => x.id === a)!.labels).toEqual(['Decision maker']);
    expect(found!.associations.find((x) => x.id === b)!.labels).toEqual([]);
    expect(
      await run('searches', 'find_associations', {
        authData,
        inputData: {
          from_object_type: 'contacts',
          from_id: contact('lonely@example.com'),
          to_object_type: 'deals',
        },
      }),
    ).toEqual([]);
  });

  it("adds the associated records' chosen properties for one extra call per 100 records", async () => {
    const c = contact('with-props@example.com');
    const companies = Array.from({ length: 120 }, (_, i) => company(`Props Co ${i}`));
    for (const co of companies) t.sandbox.portal.associations.addDefault('0-1', c, '0-2', co);
    t.sandbox.log.clear();
    const [found] = (await run('searches', 'find_associations', {
      authData,
      inputData: {
        from_object_type: 'contacts',
        from_id: c,
        to_object_type: 'companies',
        associated_properties: ['name'],
      },
    })) as Array<{ count: number; associations: Array<{ id: string; properties: Record<string, string> }> }>;
    expect(found!.count).toBe(120);
    const byId = new Map(found!.associations.map((a) => [a.id, a.properties.name]));
    expect(companies.map((co) => byId.get(co))).toEqual(companies.map((_, i) => `Props Co ${i}`));
    const counts = t.sandbox.log.countsByEndpoint();
    expect(counts['POST /crm/v3/objects/:objectType/batch/read']).toBe(2);
    expect(t.sandbox.log.summary().total).toBe(3);
  });

  it('removes one label and keeps the association, or removes the association altogether', async () => {
    const c = contact('remove@example.com');
    const co = company('Remove');
    await run('creates', 'create_association', {
      authData,
      inputData: pair(c, co, { label: 'Decision maker' }),
    });
    expect(typesBetween(c, co).sort()).toEqual([279, labelTypeId].sort());
    await run('creates', 'remove_association', {
      authData,
      inputData: pair(c, co, { label: 'Decision maker' }),
    });
    expect(typesBetween(c, co)).toEqual([279]);
    await run('creates', 'remove_association', { authData, inputData: pair(c, co) });
    expect(typesBetween(c, co)).toEqual([]);
  });

  it('adds associations with labels to a trigger page for exactly one extra call per page', async () => {
    const poll = (inputData: Record<string, unknown>) =>
      run('triggers', 'new_contact', {
        authData,
        inputData,
        meta: { zap: { id: 'zap-with-companies' } },
      }) as Promise<
        Array<{ id: string; associations: Record<string, Array<{ id: string; labels: string[] }>> }>
      >;
    await poll({ include_associations: ['companies'] });
    await sleep(5);
    const co = company('Page Co');
    const ids: string[] = [];
    // A full poll (100 records, the most one poll returns) costs one association read.
    for (let i = 0; i < 100; i++) ids.push(contact(`page${i}@example.com`));
    for (const id of ids.slice(0, 3)) t.sandbox.portal.associations.addDefault('0-1', id, '0-2', co);
    t.sandbox.portal.associations.associate('0-1', ids[0]!, '0-2', co, [
      { associationCategory: 'USER_DEFINED', associationTypeId: labelTypeId },
    ]);
    await sleep(5);
    t.sandbox.log.clear();
    const items = await poll({ include_associations: ['companies'] });
    expect(items).toHaveLength(100);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(ids[0]!)!.associations.companies).toEqual([
      { id: co, labels: ['Decision maker'], type_ids: [279, labelTypeId] },
    ]);
    expect(byId.get(ids[1]!)!.associations.companies!.map((a) => a.id)).toEqual([co]);
    expect(byId.get(ids[99]!)!.associations.companies).toEqual([]);
    const counts = t.sandbox.log.countsByEndpoint();
    expect(counts['POST /crm/v4/associations/:fromType/:toType/batch/read']).toBe(1);
    expect(counts['POST /crm/v3/objects/:objectType/search']).toBe(1);
  });

  it("reads every association of a record past HubSpot's 500 a call, asking again only for that record", async () => {
    const poll = () =>
      run('triggers', 'new_company', {
        authData,
        inputData: { include_associations: ['contacts'] },
        meta: { zap: { id: 'zap-big-company' } },
      }) as Promise<Array<{ id: string; associated_ids: Record<string, string[]> }>>;
    await poll();
    await sleep(5);
    const big = company('Big Co');
    const small = company('Small Co');
    const people: string[] = [];
    for (let i = 0; i < 1_200; i++) people.push(contact(`big${i}@example.com`));
    for (const id of people) t.sandbox.portal.associations.addDefault('0-2', big, '0-1', id);
    t.sandbox.portal.associations.addDefault('0-2', small, '0-1', people[0]!);
    await sleep(5);
    t.sandbox.log.clear();
    const byId = new Map((await poll()).map((c) => [c.id, c]));
    expect(new Set(byId.get(big)!.associated_ids.contacts).size).toBe(1_200);
    expect(byId.get(small)!.associated_ids.contacts).toEqual([people[0]]);
    // One read for the page, then two more for the one company with 500+ contacts.
    expect(t.sandbox.log.countsByEndpoint()['POST /crm/v4/associations/:fromType/:toType/batch/read']).toBe(
      3,
    );
  });
});
