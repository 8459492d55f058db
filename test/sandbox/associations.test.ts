import { AssociationStore } from '../../sandbox/state/associations';
import { idRange, putRecords } from '../support/records';
import { useSdkSandbox } from '../support/sdk';

describe('association store', () => {
  it('writes the inverse edge with the inverse type id and removes both together', () => {
    const store = new AssociationStore();
    store.add('0-3', '1', '0-1', '2', 3);
    expect([...store.typesBetween('0-1', '2', '0-3', '1')!.keys()]).toEqual([4]);
    expect(store.idsAssociatedWith('0-1', '2', '0-3')).toEqual(['1']);
    expect(store.size()).toBe(1);
    store.remove('0-1', '2', '0-3', '1');
    expect(store.typesBetween('0-3', '1', '0-1', '2')).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it('gives asymmetric user labels two ids and symmetric same-type labels one', () => {
    const store = new AssociationStore();
    const [manager, managed] = store.createLabel('0-1', '0-2', {
      name: 'manager',
      label: 'Manager',
      inverseLabel: 'Managed by',
    });
    expect(managed!.typeId).toBe(manager!.inverseTypeId);
    expect(store.definition('0-2', '0-1', managed!.typeId)?.label).toBe('Managed by');
    const sibling = store.createLabel('0-1', '0-1', { name: 'sibling', label: 'Sibling' });
    expect(sibling).toHaveLength(1);
    expect(sibling[0]!.inverseTypeId).toBe(sibling[0]!.typeId);
  });

  it('creates an unlabelled USER_DEFINED type for pairs HubSpot defines none for', () => {
    const store = new AssociationStore();
    const def = store.addDefault('2-100', '5', '0-1', '6');
    expect(def).toMatchObject({ category: 'USER_DEFINED', label: null });
    expect(store.definition('0-1', '2-100', def.inverseTypeId)?.inverseTypeId).toBe(def.typeId);
    expect(store.idsAssociatedWith('0-1', '6', '2-100')).toEqual(['5']);
  });

  it('answers the v3 read shape: one entry per type, unlabelled named _unlabeled beside Primary', () => {
    const store = new AssociationStore();
    store.associate('0-1', '7', '0-2', '8', [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 },
    ]);
    store.add('0-3', '9', '0-1', '7', 3);
    expect(store.forRecordV3('0-1', '7', '0-2')).toEqual([
      { id: '8', type: 'contact_to_company_unlabeled' },
      { id: '8', type: 'contact_to_company' },
    ]);
    expect(store.forRecordV3('0-1', '7', '0-3')).toEqual([{ id: '9', type: 'contact_to_deal' }]);
  });

  it('removeAllFor clears a record from every neighbour', () => {
    const store = new AssociationStore();
    store.add('0-1', '1', '0-2', '2', 279);
    store.add('0-1', '1', '0-3', '3', 4);
    store.removeAllFor('0-1', '1');
    expect(store.recordsAssociatedTo('0-2', '2')).toEqual([]);
    expect(store.recordsAssociatedTo('0-3', '3')).toEqual([]);
    expect(store.size()).toBe(0);
  });

  it('survives toJSON/load with labels, both directions and the type id counter', () => {
    const store = new AssociationStore();
    const [label] = store.createLabel('0-1', '0-2', { name: 'owner', label: 'Owner', inverseLabel: 'Owned' });
    store.associate('0-1', '1', '0-2', '2', [
      { associationCategory: 'USER_DEFINED', associationTypeId: label!.typeId },
    ]);
    const copy = new AssociationStore();
    copy.load(JSON.parse(JSON.stringify(store.toJSON())));
    expect([...copy.typesBetween('0-2', '2', '0-1', '1')!.keys()].sort()).toEqual(
      [280, label!.inverseTypeId].sort(),
    );
    expect(copy.size()).toBe(2);
    const next = copy.createLabel('0-1', '0-2', { name: 'other', label: 'Other' });
    expect(next[0]!.typeId).toBeGreaterThan(label!.inverseTypeId);
  });

  it('bulk add indexes both directions and ignores repeats', () => {
    const store = new AssociationStore();
    for (let i = 0; i < 5_000; i++) store.add('0-1', String(1_000_000 + i), '0-2', String(i % 50), 279);
    expect(store.add('0-1', '1000000', '0-2', '0', 279)).toBe(false);
    expect(store.size()).toBe(5_000);
    expect(store.idsAssociatedWith('0-2', '7', '0-1')).toHaveLength(100);
  });
});

describe('associations v4 over HTTP', () => {
  const s = useSdkSandbox();

  beforeAll(() => {
    putRecords(s.t.sandbox.portal, '0-2', ['1']);
    putRecords(s.t.sandbox.portal, '0-1', idRange(10_000, 1001));
  });

  it('pages 600 associations 500 at a time and then the rest', async () => {
    const inputs = idRange(10_000, 600).map((id) => ({ _from: { id: '1' }, to: { id } }));
    await s.client.crm.associations.v4.batchApi.createDefault('companies', 'contacts', { inputs });
    const basic = s.client.crm.associations.v4.basicApi;
    const first = await basic.getPage('companies', '1', 'contacts');
    expect(first.results).toHaveLength(500);
    expect(first.paging?.next?.after).toBe('10499');
    const second = await basic.getPage('companies', '1', 'contacts', first.paging!.next!.after);
    expect(second.results.map((r) => r.toObjectId)).toEqual(idRange(10_500, 100));
    expect(second.paging).toBeUndefined();
    const small = await basic.getPage('companies', '1', 'contacts', undefined, 50);
    expect(small.results).toHaveLength(50);
    await expect(basic.getPage('companies', '1', 'contacts', undefined, 501)).rejects.toMatchObject({
      code: 400,
    });
  });

  it('refuses more than 1,000 inputs with 400 and accepts exactly 1,000', async () => {
    const inputs = (n: number) => idRange(10_000, n).map((id) => ({ id }));
    const over = await s.t.call('POST', '/crm/v4/associations/contacts/companies/batch/read', {
      inputs: inputs(1001),
    });
    expect(over.status).toBe(400);
    expect(((await over.json()) as { message: string }).message).toContain('1000');
    const atLimit = await s.t.call('POST', '/crm/v4/associations/contacts/companies/batch/read', {
      inputs: inputs(1000),
    });
    expect(atLimit.status).toBe(207);
  });

  it('refuses a whole associate/default batch naming the missing ids, writing nothing', async () => {
    const res = await s.t.call('POST', '/crm/v4/associations/contacts/companies/batch/associate/default', {
      inputs: [
        { from: { id: '10700' }, to: { id: '1' } },
        { from: { id: '424242' }, to: { id: '1' } },
      ],
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      context: { INVALID_OBJECT_IDS: ['424242'] },
    });
    expect(s.t.sandbox.portal.associations.typesBetween('0-1', '10700', '0-2', '1')).toBeUndefined();
  });

  it('treats archived records as missing', async () => {
    const record = s.t.sandbox.portal.records.get('0-1', '10999')!;
    s.t.sandbox.portal.records.put({ ...record, archived: true }, record);
    const res = await s.t.call('PUT', '/crm/v4/objects/contacts/10999/associations/default/companies/1');
    expect(res.status).toBe(404);
  });

  it('refuses changing HubSpot-defined labels and unknown object types', async () => {
    const put = await s.t.call('PUT', '/crm/v4/associations/contacts/companies/labels', {
      associationTypeId: 1,
      label: 'Main',
    });
    expect(put.status).toBe(400);
    const del = await s.t.call('DELETE', '/crm/v4/associations/contacts/companies/labels/279');
    expect(del.status).toBe(400);
    const unknown = await s.t.call('GET', '/crm/v4/objects/spaceships/1/associations/contacts');
    expect(unknown.status).toBe(400);
  });

  it('asks for the from type scopes', async () => {
    const token = s.t.sandbox.portal.auth.createPrivateAppToken({ scopes: ['crm.objects.companies.read'] });
    const call = (path: string) => fetch(s.t.url + path, { headers: { authorization: `Bearer ${token}` } });
    expect((await call('/crm/v4/objects/companies/1/associations/contacts')).status).toBe(200);
    const refused = await call('/crm/v4/objects/contacts/10000/associations/companies');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      errors: [{ context: { requiredGranularScopes: ['crm.objects.contacts.read'] } }],
    });
  });
});
