import { defaultAssociationTypeId } from '../../hubspot/associationTypes';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { ManualClock } from '../../sandbox';
import { putSeedRecord } from '../../sandbox/seedRecord';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

const contacts = findStandardObjectType('contacts')!;
const deals = findStandardObjectType('deals')!;
const products = findStandardObjectType('products')!;
const contactToDeal = defaultAssociationTypeId('contacts', 'deals')!;
const day = (iso: string) => String(Date.parse(iso));

interface SearchBody {
  total: number;
  results: Array<{ id: string; properties: Record<string, string | null>; archived: boolean }>;
  paging?: { next: { after: string } };
}

describe('sandbox CRM search', () => {
  let t: TestSandbox;
  const clock = new ManualClock();
  const ids: Record<'ann' | 'bruno' | 'chloe' | 'david', string> = {
    ann: '',
    bruno: '',
    chloe: '',
    david: '',
  };
  const nameOf = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestSandbox({ clock });
    const add = (key: keyof typeof ids, values: Record<string, string>, minutesAgo: number) => {
      const record = putSeedRecord(
        t.sandbox.portal,
        contacts,
        values,
        clock.now() - minutesAgo * 60_000,
        'API',
      );
      ids[key] = record.id;
      nameOf.set(record.id, key);
    };
    add(
      'ann',
      {
        firstname: 'Ann',
        lastname: 'Smith',
        email: 'ann.smith@hubspot.com',
        lifecyclestage: 'lead',
        date_of_birth: '1990-05-01',
        hs_buying_role: 'CHAMPION;END_USER',
        jobtitle: 'CEO',
        company: 'Blue Labs',
      },
      40,
    );
    add(
      'bruno',
      {
        firstname: 'Bruno',
        lastname: 'Martin',
        email: 'bruno@example.com',
        lifecyclestage: 'customer',
        total_revenue: '2500',
        date_of_birth: '1985-01-15',
        jobtitle: 'Buyer at Smithers',
      },
      30,
    );
    add(
      'chloe',
      {
        firstname: 'Chloe',
        lastname: 'Smith-Jones',
        email: 'chloe@hubspot.com',
        lifecyclestage: 'lead',
        total_revenue: '100',
      },
      20,
    );
    add('david', { firstname: 'David', email: 'DAVID@Example.org', total_revenue: '10.0' }, 10);
  });
  afterAll(() => t.close());

  /** One search, with the per-second search limit cleared first (the limit has its own test). */
  async function search(body: unknown, type = 'contacts'): Promise<{ status: number; body: SearchBody }> {
    t.sandbox.portal.limits.reset();
    const res = await t.call('POST', `/crm/v3/objects/${type}/search`, body);
    return { status: res.status, body: (await res.json()) as SearchBody };
  }

  async function names(...filters: object[]): Promise<string[]> {
    const { status, body } = await search({ filterGroups: [{ filters }] });
    expect(status).toBe(200);
    return body.results.map((r) => nameOf.get(r.id) ?? r.id);
  }

  async function refusal(body: unknown, type = 'contacts'): Promise<string> {
    const res = await search(body, type);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    return (res.body as unknown as { message: string }).message;
  }

  it('EQ is case-insensitive for text, case-sensitive for enumerations, numeric for numbers', async () => {
    expect(await names({ propertyName: 'email', operator: 'EQ', value: 'ANN.SMITH@HUBSPOT.COM' })).toEqual([
      'ann',
    ]);
    expect(await names({ propertyName: 'email', operator: 'EQ', value: 'david@example.org' })).toEqual([
      'david',
    ]);
    expect(await names({ propertyName: 'lifecyclestage', operator: 'EQ', value: 'LEAD' })).toEqual([]);
    expect(await names({ propertyName: 'lifecyclestage', operator: 'EQ', value: 'lead' })).toEqual([
      'ann',
      'chloe',
    ]);
    expect(await names({ propertyName: 'total_revenue', operator: 'EQ', value: '10' })).toEqual(['david']);
    expect(await names({ propertyName: 'hs_buying_role', operator: 'EQ', value: 'END_USER' })).toEqual([
      'ann',
    ]);
    expect(await names({ propertyName: 'hs_object_id', operator: 'EQ', value: ids.chloe })).toEqual([
      'chloe',
    ]);
  });

  it('NEQ excludes the value and keeps records without one', async () => {
    expect(await names({ propertyName: 'lastname', operator: 'NEQ', value: 'SMITH' })).toEqual([
      'bruno',
      'chloe',
      'david',
    ]);
  });

  it('LT, LTE, GT, GTE and BETWEEN compare numbers and dates as numbers', async () => {
    const revenue = (operator: string, value: string) =>
      names({ propertyName: 'total_revenue', operator, value });
    expect(await revenue('GT', '100')).toEqual(['bruno']);
    expect(await revenue('GTE', '100')).toEqual(['bruno', 'chloe']);
    expect(await revenue('LT', '100')).toEqual(['david']);
    expect(await revenue('LTE', '100')).toEqual(['chloe', 'david']);
    expect(await revenue('GT', '9')).toEqual(['bruno', 'chloe', 'david']);
    expect(
      await names({
        propertyName: 'date_of_birth',
        operator: 'BETWEEN',
        value: day('1985-01-01'),
        highValue: day('1990-05-01'),
      }),
    ).toEqual(['ann', 'bruno']);
    const twentyFiveMinutesAgo = clock.now() - 25 * 60_000;
    expect(
      await names({ propertyName: 'createdate', operator: 'GTE', value: String(twentyFiveMinutesAgo) }),
    ).toEqual(['chloe', 'david']);
    expect(
      await names({
        propertyName: 'createdate',
        operator: 'LT',
        value: new Date(twentyFiveMinutesAgo).toISOString(),
      }),
    ).toEqual(['ann', 'bruno']);
  });

  it('IN and NOT_IN take values[]; string values must be lower-case, as HubSpot documents', async () => {
    expect(
      await names({ propertyName: 'lifecyclestage', operator: 'IN', values: ['customer', 'lead'] }),
    ).toEqual(['ann', 'bruno', 'chloe']);
    expect(await names({ propertyName: 'firstname', operator: 'IN', values: ['ann', 'david'] })).toEqual([
      'ann',
      'david',
    ]);
    expect(await names({ propertyName: 'firstname', operator: 'IN', values: ['Ann'] })).toEqual([]);
    expect(await names({ propertyName: 'lifecyclestage', operator: 'NOT_IN', values: ['lead'] })).toEqual([
      'bruno',
      'david',
    ]);
  });

  it('HAS_PROPERTY and NOT_HAS_PROPERTY', async () => {
    expect(await names({ propertyName: 'jobtitle', operator: 'HAS_PROPERTY' })).toEqual(['ann', 'bruno']);
    expect(await names({ propertyName: 'jobtitle', operator: 'NOT_HAS_PROPERTY' })).toEqual([
      'chloe',
      'david',
    ]);
  });

  it('CONTAINS_TOKEN matches whole tokens and * wildcards; NOT_CONTAINS_TOKEN is its opposite', async () => {
    expect(
      await names({ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@hubspot.com' }),
    ).toEqual(['ann', 'chloe']);
    expect(await names({ propertyName: 'lastname', operator: 'CONTAINS_TOKEN', value: 'smith' })).toEqual([
      'ann',
      'chloe',
    ]);
    expect(await names({ propertyName: 'jobtitle', operator: 'CONTAINS_TOKEN', value: 'smith' })).toEqual([]);
    expect(await names({ propertyName: 'jobtitle', operator: 'CONTAINS_TOKEN', value: 'smith*' })).toEqual([
      'bruno',
    ]);
    expect(
      await names({ propertyName: 'email', operator: 'NOT_CONTAINS_TOKEN', value: '*@hubspot.com' }),
    ).toEqual(['bruno', 'david']);
  });

  it('ANDs filters within a group and ORs groups', async () => {
    const { body } = await search({
      filterGroups: [
        {
          filters: [
            { propertyName: 'lifecyclestage', operator: 'EQ', value: 'lead' },
            { propertyName: 'jobtitle', operator: 'HAS_PROPERTY' },
          ],
        },
        { filters: [{ propertyName: 'total_revenue', operator: 'LT', value: '50' }] },
      ],
    });
    expect(body.results.map((r) => nameOf.get(r.id))).toEqual(['ann', 'david']);
    expect(body.total).toBe(2);
  });

  it('refuses unknown operators, unknown properties, missing and malformed values', async () => {
    expect(
      await refusal({
        filterGroups: [{ filters: [{ propertyName: 'email', operator: 'LIKE', value: 'x' }] }],
      }),
    ).toMatch(/operator 'LIKE'/);
    expect(
      await refusal({ filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: 'x' }] }] }),
    ).toMatch(/nope/);
    await refusal({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ' }] }] });
    await refusal({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', values: [] }] }] });
    await refusal({
      filterGroups: [{ filters: [{ propertyName: 'total_revenue', operator: 'BETWEEN', value: '1' }] }],
    });
    await refusal({
      filterGroups: [{ filters: [{ propertyName: 'total_revenue', operator: 'GT', value: 'many' }] }],
    });
    await refusal({ sorts: [{ propertyName: 'nope', direction: 'ASCENDING' }] });
    await refusal(
      { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'x' }] }] },
      'widgets',
    );
  });

  it('enforces 5 groups, 6 filters per group, 18 filters in all, limit 200 and one sort', async () => {
    const filter = { propertyName: 'email', operator: 'HAS_PROPERTY' };
    const groups = (...sizes: number[]) =>
      sizes.map((n) => ({ filters: Array.from({ length: n }, () => filter) }));
    expect((await search({ filterGroups: groups(1, 1, 1, 1, 1) })).status).toBe(200);
    expect(await refusal({ filterGroups: groups(1, 1, 1, 1, 1, 1) })).toMatch(/at most 5 filterGroups/);
    expect((await search({ filterGroups: groups(6) })).status).toBe(200);
    expect(await refusal({ filterGroups: groups(7) })).toMatch(/at most 6 filters/);
    expect((await search({ filterGroups: groups(6, 6, 6) })).status).toBe(200);
    expect(await refusal({ filterGroups: groups(6, 6, 6, 1) })).toMatch(/at most 18 filters/);
    expect((await search({ limit: 200 })).status).toBe(200);
    expect(await refusal({ limit: 201 })).toMatch(/at most 200/);
    expect(await refusal({ sorts: ['createdate', 'email'] })).toMatch(/at most 1/);
  });

  it('orders by createdate ascending by default and pages with after, total and paging.next', async () => {
    const first = await search({ limit: 3 });
    expect(first.body.total).toBe(4);
    expect(first.body.results.map((r) => nameOf.get(r.id))).toEqual(['ann', 'bruno', 'chloe']);
    expect(first.body.paging).toEqual({ next: { after: '3' } });
    const last = await search({ limit: 3, after: first.body.paging!.next.after });
    expect(last.body.results.map((r) => nameOf.get(r.id))).toEqual(['david']);
    expect(last.body.paging).toBeUndefined();
    expect(last.body.total).toBe(4);
  });

  it('sorts on one property, by object or by "-name" string; records without a value come last', async () => {
    const byRevenue = await search({ sorts: [{ propertyName: 'total_revenue', direction: 'DESCENDING' }] });
    expect(byRevenue.body.results.map((r) => nameOf.get(r.id))).toEqual(['bruno', 'chloe', 'david', 'ann']);
    const newestFirst = await search({ sorts: ['-createdate'], limit: 2 });
    expect(newestFirst.body.results.map((r) => nameOf.get(r.id))).toEqual(['david', 'chloe']);
    const byName = await search({ sorts: ['firstname'], after: '1', limit: 2 });
    expect(byName.body.results.map((r) => nameOf.get(r.id))).toEqual(['bruno', 'chloe']);
    expect(byName.body.paging).toEqual({ next: { after: '3' } });
  });

  it('query searches the default text properties by word start', async () => {
    const found = async (query: string) =>
      (await search({ query })).body.results.map((r) => nameOf.get(r.id));
    expect(await found('smith')).toEqual(['ann', 'chloe']);
    expect(await found('ann smi')).toEqual(['ann']);
    expect(await found('hubspot.com')).toEqual(['ann', 'chloe']);
    expect(await found('blue')).toEqual(['ann']);
    expect(await found('mith')).toEqual([]);
    const combined = await search({
      query: 'smith',
      filterGroups: [{ filters: [{ propertyName: 'total_revenue', operator: 'HAS_PROPERTY' }] }],
    });
    expect(combined.body.results.map((r) => nameOf.get(r.id))).toEqual(['chloe']);
  });

  it('answers the default properties, or the requested ones plus the system ones, without associations', async () => {
    const filters = [{ propertyName: 'email', operator: 'EQ', value: 'bruno@example.com' }];
    const plain = await search({ filterGroups: [{ filters }] });
    expect(Object.keys(plain.body.results[0]!.properties)).toEqual([...contacts.defaultProperties].sort());
    expect(plain.body.results[0]).not.toHaveProperty('associations');
    const chosen = await search({
      filterGroups: [{ filters }],
      properties: ['jobtitle', 'phone', 'not_a_property'],
    });
    expect(chosen.body.results[0]!.properties).toEqual({
      createdate: expect.any(String),
      hs_object_id: ids.bruno,
      jobtitle: 'Buyer at Smithers',
      lastmodifieddate: expect.any(String),
      phone: null,
    });
  });

  it('filters through associations.contact', async () => {
    const portal = t.sandbox.portal;
    const deal = putSeedRecord(portal, deals, { dealname: 'Blue renewal' }, clock.now() - 5_000);
    putSeedRecord(portal, deals, { dealname: 'Other deal' }, clock.now() - 4_000);
    portal.associations.add(contacts.objectTypeId, ids.ann, deals.objectTypeId, deal.id, contactToDeal);
    const { body } = await search(
      {
        filterGroups: [
          { filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: ids.ann }] },
        ],
      },
      'deals',
    );
    expect(body.results.map((r) => r.id)).toEqual([deal.id]);
    const none = await search(
      {
        filterGroups: [
          { filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: ids.bruno }] },
        ],
      },
      'deals',
    );
    expect(none.body.total).toBe(0);
    await refusal(
      { filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'GT', value: '1' }] }] },
      'deals',
    );
  });

  it('serves the date-versioned path', async () => {
    t.sandbox.portal.limits.reset();
    const res = await t.call('POST', '/crm/objects/2026-03/contacts/search', { query: 'bruno' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as SearchBody).results.map((r) => r.id)).toEqual([ids.bruno]);
  });

  it('needs a read scope of the object type', async () => {
    const token = t.sandbox.portal.auth.createPrivateAppToken({
      scopes: ['crm.objects.deals.read'],
      token: 'test-token-deals',
    });
    t.sandbox.portal.limits.reset();
    const res = await fetch(`${t.url}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ category: 'MISSING_SCOPES' });
  });

  it('allows 5 searches per second, then answers 429 SECONDLY; search answers carry no rate-limit headers', async () => {
    t.sandbox.portal.limits.reset();
    for (let i = 0; i < 5; i++) {
      const res = await t.call('POST', '/crm/v3/objects/contacts/search', {});
      expect(res.status).toBe(200);
      expect([...res.headers.keys()].filter((h) => h.startsWith('x-hubspot-ratelimit'))).toEqual([]);
    }
    const refused = await t.call('POST', '/crm/v3/objects/contacts/search', {});
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      message: 'You have reached your secondly limit.',
      policyName: 'SECONDLY',
    });
    expect([...refused.headers.keys()].filter((h) => h.startsWith('x-hubspot-ratelimit'))).toEqual([]);
    clock.advance(1_000);
    expect((await t.call('POST', '/crm/v3/objects/contacts/search', {})).status).toBe(200);
  });

  describe('index lag', () => {
    const lagMs = 5_000;
    beforeAll(() => {
      t.sandbox.portal.searchIndexLagMs = lagMs;
    });
    afterAll(() => {
      t.sandbox.portal.searchIndexLagMs = 0;
    });

    const byFirstname = async (value: string) =>
      (await names({ propertyName: 'firstname', operator: 'EQ', value })).map((n) => nameOf.get(n) ?? n);

    it('hides a new record until it is indexed, then keeps the previous version until an update is indexed', async () => {
      const write = async (method: string, path: string, body?: unknown) => {
        t.sandbox.portal.limits.reset();
        const res = await t.call(method, path, body);
        expect(res.status).toBeLessThan(300);
        return res.status === 204 ? undefined : ((await res.json()) as { id: string });
      };
      const created = await write('POST', '/crm/v3/objects/contacts', {
        properties: { firstname: 'Lagging', email: 'lag@example.com' },
      });
      const id = created!.id;
      expect(await byFirstname('lagging')).toEqual([]);
      clock.advance(lagMs);
      expect(await byFirstname('lagging')).toEqual([id]);

      await write('PATCH', `/crm/v3/objects/contacts/${id}`, { properties: { firstname: 'Renamed' } });
      expect(await byFirstname('lagging')).toEqual([id]);
      expect(await byFirstname('renamed')).toEqual([]);
      clock.advance(lagMs - 1);
      expect(await byFirstname('lagging')).toEqual([id]);
      clock.advance(1);
      expect(await byFirstname('lagging')).toEqual([]);
      expect(await byFirstname('renamed')).toEqual([id]);

      await write('DELETE', `/crm/v3/objects/contacts/${id}`);
      expect(await byFirstname('renamed')).toEqual([]);
    });
  });

  describe('the 10,000-result cap', () => {
    beforeAll(() => {
      const portal = t.sandbox.portal;
      const start = clock.now() - 20_000_000;
      for (let i = 0; i < 10_050; i++)
        putSeedRecord(portal, products, { name: `Item ${i}` }, start + i * 1_000);
    });

    it('pages up to 10,000 results and answers 400 past them', async () => {
      const last = await search({ limit: 10, after: '9990', properties: ['name'] }, 'products');
      expect(last.status).toBe(200);
      expect(last.body.total).toBe(10_050);
      expect(last.body.results.map((r) => r.properties.name)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Item ${9990 + i}`),
      );
      expect(last.body.paging).toEqual({ next: { after: '10000' } });
      expect(await refusal({ limit: 10, after: '10000' }, 'products')).toMatch(/limited to 10000/);
      expect(await refusal({ limit: 200, after: '9900' }, 'products')).toMatch(/limited to 10000/);
    });
  });
});
