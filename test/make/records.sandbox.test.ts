import type { Json } from '../../make/model';
import { findStandardObjectType } from '../../sandbox/facts/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import { MakeRunner, makeErrorOf } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/** Get and Search Records modules, rendered from the declared requests, run by the IML runner on the sandbox. */
describe('Make record modules against the sandbox', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  const record = (type: string, properties: Record<string, string>) =>
    createRecord(t.sandbox.portal, findStandardObjectType(type)!, { properties }).id;
  const paths = () => make.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    make.requests = [];
  });

  it('getContact reads by id and by e-mail, with chosen properties and associated ids, in one request', async () => {
    const contact = record('contacts', { email: 'make-get@example.com', firstname: 'Make', city: 'Lyon' });
    const company = record('companies', { name: 'Make Get Co' });
    t.sandbox.portal.associations.addDefault('0-1', contact, '0-2', company);
    const byId = await make.action('getContact', {
      record_id: contact,
      properties_to_retrieve: ['city'],
      associations: ['companies'],
    });
    expect(byId).toMatchObject({ id: contact, properties: { city: 'Lyon', email: 'make-get@example.com' } });
    expect((byId.associations as Json).companies).toMatchObject({ results: [{ id: company }] });
    const url = new URL(make.requests[0]!.url);
    expect(url.searchParams.get('associations')).toBe('companies');
    const byEmail = await make.action('getContact', {
      record_id: 'make-get@example.com',
      id_property: 'email',
    });
    expect(byEmail.id).toBe(contact);
    expect(new URL(make.requests[1]!.url).searchParams.has('associations')).toBe(false);
    expect(paths()).toHaveLength(2);
  });

  it('getContact refuses a value that is not an id without "Find by", before any request', async () => {
    const error = await makeErrorOf(make.action('getContact', { record_id: 'someone' }));
    expect(error.type).toBe('DataError');
    expect(error.message).toMatch(/record_id/);
    expect(make.requests).toEqual([]);
  });

  it('searchContacts sends the nested filter groups as they are, sorted, and pages at 200', async () => {
    const people: Array<[string, string]> = [
      ['Ada', 'london'],
      ['Alan', 'london'],
      ['Grace', 'arlington'],
    ];
    for (const [firstname, city] of people)
      record('contacts', { email: `${firstname}@make-search.example.com`, firstname, city });
    const { outputs } = await make.run('searchContacts', {
      conditions: [
        {
          filters: [
            { propertyName: 'city', operator: 'EQ', value: 'london' },
            { propertyName: 'firstname', operator: 'NEQ', value: 'Alan' },
          ],
        },
        { filters: [{ propertyName: 'city', operator: 'IN', values: ['arlington', 'paris'] }] },
      ],
      sort_property: 'firstname',
      sort_direction: 'ASCENDING',
    });
    expect((outputs as Json[]).map((o) => (o.properties as Json).firstname)).toEqual(['Ada', 'Grace']);
    const body = make.requests[0]!.body as Json;
    expect(body.sorts).toEqual([{ propertyName: 'firstname', direction: 'ASCENDING' }]);
    expect(body.limit).toBe(10);

    for (let i = 0; i < 230; i++) record('products', { name: `Make bulk ${i}`, hs_sku: `MB-${i}` });
    make.requests = [];
    const many = await make.run('searchObjects', {
      object_type: 'products',
      conditions: [{ filters: [{ propertyName: 'hs_sku', operator: 'HAS_PROPERTY' }] }],
      limit: 1000,
    });
    expect(many.outputs).toHaveLength(230);
    expect(paths()).toEqual(['POST /crm/v3/objects/products/search', 'POST /crm/v3/objects/products/search']);
    expect((make.requests[0]!.body as Json).limit).toBe(200);
  });

  it('batchUpdate (the batch_update operation) updates by ID and by a unique property, in one request', async () => {
    const a = record('contacts', { email: 'bulk-a@example.com' });
    record('contacts', { email: 'bulk-b@example.com' });
    const answer = await make.action('batchUpdate', {
      object_type: 'contacts',
      inputs: [
        { id: a, properties: { city: 'Turin' } },
        { id: 'bulk-b@example.com', idProperty: 'email', properties: { city: 'Genoa' } },
      ],
    });
    expect((answer.results as Json[]).map((r) => (r.properties as Json).city).sort()).toEqual([
      'Genoa',
      'Turin',
    ]);
    expect(answer.errors).toEqual([]);
    expect(paths()).toEqual(['POST /crm/v3/objects/contacts/batch/update']);
  });

  const filter = { propertyName: 'city', operator: 'EQ', value: 'x' };
  it.each([
    ['6 groups', Array.from({ length: 6 }, () => ({ filters: [filter] })), /has 6 groups.*at most 5/],
    [
      '7 filters in a group',
      [{ filters: Array.from({ length: 7 }, () => filter) }],
      /group 1 has 7 filters.*6/,
    ],
    [
      '19 filters in all',
      [4, 4, 4, 4, 3].map((n) => ({ filters: Array.from({ length: n }, () => filter) })),
      /has 19 filters.*at most 18/,
    ],
  ])('searchContacts refuses %s naming the field, before any request', async (_case, conditions, message) => {
    const error = await makeErrorOf(make.run('searchContacts', { conditions }));
    expect(error.type).toBe('DataError');
    expect(error.message).toMatch(/^Conditions \(conditions\): /);
    expect(error.message).toMatch(message);
    expect(make.requests).toEqual([]);
  });
});
