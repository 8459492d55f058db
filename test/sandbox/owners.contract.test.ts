import { findStandardObjectType } from '../../hubspot/objectTypes';
import { OwnerStore } from '../../sandbox/state/owners';
import { useSdkSandbox } from '../support/sdk';

/** Owners v3 through @hubspot/api-client 14. */
describe('owners v3 contract (@hubspot/api-client 14)', () => {
  const s = useSdkSandbox();

  const owners = () => s.client.crm.owners.ownersApi;

  it('lists the active default owners as PublicOwner models', async () => {
    const page = await owners().getPage();
    expect(page.results.map((o) => o.id)).toEqual([
      '70000001',
      '70000002',
      '70000003',
      '70000004',
      '70000005',
    ]);
    const first = page.results[0]!;
    expect(first).toMatchObject({
      email: 'sandbox.admin@example.com',
      type: 'PERSON',
      userId: 2001,
      archived: false,
    });
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(first.teams?.[0]).toMatchObject({ name: 'Sales', primary: true });
    expect(page.paging).toBeUndefined();
  });

  it('filters by email, pages with limit/after, and lists archived owners apart', async () => {
    expect((await owners().getPage('ALICE.martin@example.com')).results.map((o) => o.id)).toEqual([
      '70000002',
    ]);
    const first = await owners().getPage(undefined, undefined, 2);
    expect(first.results).toHaveLength(2);
    const second = await owners().getPage(undefined, first.paging!.next!.after, 2);
    expect(second.results.map((o) => o.id)).toEqual(['70000003', '70000004']);
    expect((await owners().getPage(undefined, undefined, 100, true)).results.map((o) => o.id)).toEqual([
      '70000006',
    ]);
    await expect(owners().getPage(undefined, undefined, 501)).rejects.toMatchObject({ code: 400 });
  });

  it('reads one owner by id or by userId, 404 otherwise', async () => {
    expect((await owners().getById(70000004)).email).toBe('chloe.nguyen@example.com');
    expect((await owners().getById(2005, 'userId')).id).toBe('70000005');
    await expect(owners().getById(70009999)).rejects.toMatchObject({ code: 404 });
    await expect(owners().getById(70000006)).rejects.toMatchObject({ code: 404 });
    expect((await owners().getById(70000006, 'id', true)).archived).toBe(true);
  });

  it('needs crm.objects.owners.read', async () => {
    const token = s.t.sandbox.portal.auth.createPrivateAppToken({ scopes: ['crm.objects.contacts.read'] });
    const res = await fetch(`${s.t.url}/crm/v3/owners`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
  });

  it('answers lookups for hubspot_owner_id validation and seeding, and survives toJSON/load', () => {
    const store = s.t.sandbox.portal.owners;
    expect(store.ownerById('70000003')?.lastName).toBe('Costa');
    expect(store.ownerById('70000006')).toBeUndefined();
    expect(store.ownerByEmail('David.Okafor@example.com')?.id).toBe('70000005');
    const contacts = findStandardObjectType('contacts')!;
    expect(store.propertyOptions(contacts, 'hubspot_owner_id')).toHaveLength(5);
    expect(store.propertyOptions(contacts, 'email')).toBeUndefined();

    store.add({
      ...store.ownerById('70000002')!,
      id: '70000042',
      email: 'new.rep@example.com',
      userId: 2042,
    });
    const copy = new OwnerStore();
    copy.load(JSON.parse(JSON.stringify(store.toJSON())));
    expect(copy.ownerByEmail('new.rep@example.com')?.id).toBe('70000042');
  });
});
