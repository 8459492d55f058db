import { AssociationSpecAssociationCategoryEnum as Category } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/AssociationSpec';
import { idRange, putRecords } from '../support/records';
import { useSdkSandbox } from '../support/sdk';

/** Associations v4 driven through @hubspot/api-client 14: every call must parse into its model without an ApiException. */
describe('associations v4 contract (@hubspot/api-client 14)', () => {
  const s = useSdkSandbox();
  const contacts = idRange(101, 5);
  const companies = idRange(201, 5);

  beforeAll(() => {
    putRecords(s.t.sandbox.portal, '0-1', contacts);
    putRecords(s.t.sandbox.portal, '0-2', companies);
  });

  const basic = () => s.client.crm.associations.v4.basicApi;
  const batch = () => s.client.crm.associations.v4.batchApi;
  const definitions = () => s.client.crm.associations.v4.schema.definitionsApi;

  it('PUT default answers both directions with HubSpot-defined 279/280', async () => {
    const res = await basic().createDefault('contacts', '101', 'companies', '201');
    expect(res.status).toBe('COMPLETE');
    expect(res.startedAt).toBeInstanceOf(Date);
    expect(res.results.map((r) => [r._from.id, r.to.id, r.associationSpec.associationTypeId])).toEqual([
      ['101', '201', 279],
      ['201', '101', 280],
    ]);
  });

  it('PUT labelled answers 201 LabelsBetweenObjectPair and GET lists the label beside the default type', async () => {
    const res = await basic().create('contacts', '102', 'companies', '202', [
      { associationCategory: Category.HubspotDefined, associationTypeId: 1 },
    ]);
    expect(res).toMatchObject({
      fromObjectTypeId: '0-1',
      fromObjectId: '102',
      toObjectTypeId: '0-2',
      toObjectId: '202',
    });
    expect(res.labels).toEqual(['Primary']);

    const page = await basic().getPage('contacts', '102', 'companies');
    expect(page.results).toHaveLength(1);
    expect(page.results[0]!.toObjectId).toBe('202');
    expect(page.results[0]!.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
      { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
    ]);
    expect(page.paging).toBeUndefined();
  });

  it('DELETE removes every type between the pair, from both sides', async () => {
    await basic().create('contacts', '103', 'companies', '203', [
      { associationCategory: Category.HubspotDefined, associationTypeId: 1 },
    ]);
    await basic().archive('companies', '203', 'contacts', '103');
    expect((await basic().getPage('contacts', '103', 'companies')).results).toEqual([]);
    expect((await basic().getPage('companies', '203', 'contacts')).results).toEqual([]);
  });

  it('batch associate/default, read and archive', async () => {
    const created = await batch().createDefault('contacts', 'companies', {
      inputs: [
        { _from: { id: '104' }, to: { id: '204' } },
        { _from: { id: '104' }, to: { id: '205' } },
      ],
    });
    expect(created.results).toHaveLength(4);

    const read = await batch().getPage('contacts', 'companies', { inputs: [{ id: '104' }] });
    expect(read.results[0]!._from.id).toBe('104');
    expect(read.results[0]!.to.map((x) => x.toObjectId)).toEqual(['204', '205']);

    await batch().archive('contacts', 'companies', {
      inputs: [{ _from: { id: '104' }, to: [{ id: '204' }] }],
    });
    const after = await basic().getPage('contacts', '104', 'companies');
    expect(after.results.map((r) => r.toObjectId)).toEqual(['205']);
  });

  it('batch read reports ids without associations as 207 errors', async () => {
    const read = await batch().getPage('contacts', 'companies', {
      inputs: [{ id: '104' }, { id: '999999' }],
    });
    expect(read.results.map((r) => r._from.id)).toEqual(['104']);
    expect('errors' in read && read.errors).toEqual([
      expect.objectContaining({
        category: 'OBJECT_NOT_FOUND',
        context: { fromObjectId: ['999999'], toObjectType: ['companies'] },
      }),
    ]);
  });

  it('batch create answers 201, or 207 with per-input errors for missing records', async () => {
    const types = [{ associationCategory: Category.HubspotDefined, associationTypeId: 1 }];
    const ok = await batch().create('contacts', 'companies', {
      inputs: [{ _from: { id: '105' }, to: { id: '205' }, types }],
    });
    expect(ok.results).toEqual([
      expect.objectContaining({ fromObjectId: '105', toObjectId: '205', labels: ['Primary'] }),
    ]);

    const mixed = await batch().create('contacts', 'companies', {
      inputs: [
        { _from: { id: '105' }, to: { id: '201' }, types },
        { _from: { id: '105' }, to: { id: '888888' }, types },
      ],
    });
    expect(mixed.results.map((r) => r.toObjectId)).toEqual(['201']);
    expect('errors' in mixed && mixed.errors?.[0]).toMatchObject({
      category: 'VALIDATION_ERROR',
      context: { INVALID_OBJECT_IDS: ['888888'] },
    });
  });

  it('batch labels/archive removes a label but keeps the default type', async () => {
    await batch().archiveLabels('contacts', 'companies', {
      inputs: [
        {
          _from: { id: '105' },
          to: { id: '205' },
          types: [{ associationCategory: Category.HubspotDefined, associationTypeId: 1 }],
        },
      ],
    });
    const page = await basic().getPage('contacts', '105', 'companies');
    const types = page.results.find((r) => r.toObjectId === '205')!.associationTypes.map((x) => x.typeId);
    expect(types).toEqual([279]);
  });

  it('label definitions: create, list, rename, use, delete', async () => {
    const created = await definitions().create('contacts', 'companies', {
      name: 'billing_contact',
      label: 'Billing contact',
      inverseLabel: 'Billed company',
    });
    expect(created.results.map((r) => [r.category, r.label])).toEqual([
      ['USER_DEFINED', 'Billing contact'],
      ['USER_DEFINED', 'Billed company'],
    ]);
    const typeId = created.results[0]!.typeId;

    await definitions().update('contacts', 'companies', { associationTypeId: typeId, label: 'Invoices to' });
    const listed = await definitions().getAll('contacts', 'companies');
    expect(listed.results).toContainEqual({ category: 'USER_DEFINED', typeId, label: 'Invoices to' });
    expect(listed.results).toContainEqual({ category: 'HUBSPOT_DEFINED', typeId: 279, label: null });

    const used = await basic().create('contacts', '101', 'companies', '201', [
      { associationCategory: Category.UserDefined, associationTypeId: typeId },
    ]);
    expect(used.labels).toEqual(['Invoices to']);

    await definitions().remove('contacts', 'companies', typeId);
    const types = (await basic().getPage('contacts', '101', 'companies')).results[0]!.associationTypes.map(
      (x) => x.typeId,
    );
    expect(types).toEqual([279]);
    expect((await definitions().getAll('contacts', 'companies')).results.map((r) => r.typeId)).not.toContain(
      typeId,
    );
  });

  it('serves the labels API under /crm/associations/v4 as well', async () => {
    const res = await s.t.call('POST', '/crm/associations/v4/deals/contacts/labels', {
      name: 'champion',
      label: 'Champion',
    });
    expect(res.status).toBe(200);
    const listed = await s.t.call('GET', '/crm/associations/v4/deals/contacts/labels');
    const body = (await listed.json()) as { results: Array<{ label: string | null }> };
    expect(body.results.map((r) => r.label)).toEqual([null, 'Champion']);
  });

  it('answers ApiException 404 for a missing record and 400 for a type id the pair does not have', async () => {
    await expect(basic().createDefault('contacts', '101', 'companies', '777777')).rejects.toMatchObject({
      code: 404,
    });
    const wrongType = basic().create('contacts', '101', 'companies', '201', [
      { associationCategory: Category.HubspotDefined, associationTypeId: 3 },
    ]);
    await expect(wrongType).rejects.toMatchObject({ code: 400, body: { category: 'VALIDATION_ERROR' } });
    await expect(wrongType).rejects.toMatchObject({
      body: { message: expect.stringContaining('association type id 3') },
    });
  });
});
