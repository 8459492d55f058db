import { ManualClock } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

interface ErrorBody {
  status: string;
  category?: string;
  message: string;
  errors?: Array<{ code?: string; message: string; context?: Record<string, string[]> }>;
  context?: Record<string, string[]>;
}

interface RecordBody {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<
    string,
    Array<{ value: string; timestamp: string; sourceType: string; sourceId?: string }>
  >;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: Array<{ id: string; type: string }> }>;
}

interface BatchBody {
  status: string;
  results: Array<RecordBody & { objectWriteTraceId?: string; new?: boolean }>;
  numErrors?: number;
  errors?: Array<{ category: string; message: string; context: Record<string, string[]> }>;
}

describe('sandbox CRM objects v3', () => {
  let t: TestSandbox;
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  let n = 0;
  const email = () => `person${++n}@example.com`;

  beforeAll(async () => {
    t = await startTestSandbox({ clock, rateLimits: false });
  });
  afterAll(() => t.close());

  async function send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await t.call(method, path, body);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const createContact = async (properties: Record<string, unknown>) => {
    const res = await send<RecordBody>('POST', '/crm/v3/objects/contacts', { properties });
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('validation', () => {
    async function rejected(path: string, properties: Record<string, unknown>) {
      const res = await send<ErrorBody>('POST', path, { properties });
      expect(res.status).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
      expect(res.body.message).toMatch(/^Property values were not valid: \[/);
      return res.body.errors!.map((e) => ({
        code: e.code,
        name: e.context?.propertyName?.[0],
        message: e.message,
      }));
    }

    it('collects every bad value of one write into one 400', async () => {
      const errors = await rejected('/crm/v3/objects/contacts', {
        email: 'not-an-email',
        favourite_colour: 'blue',
        lifecyclestage: 'Lead',
        hs_object_id: '7',
        hs_buying_role: 'CHAMPION;GOALKEEPER',
        date_of_birth: '1990-02-30',
      });
      expect(errors).toEqual([
        { code: 'INVALID_EMAIL', name: 'email', message: 'Email address not-an-email is invalid' },
        {
          code: 'PROPERTY_DOESNT_EXIST',
          name: 'favourite_colour',
          message: 'Property "favourite_colour" does not exist',
        },
        {
          code: 'INVALID_OPTION',
          name: 'lifecyclestage',
          message: expect.stringMatching(/^Lead was not one of the allowed options: \[subscriber, lead, /),
        },
        { code: 'READ_ONLY_VALUE', name: 'hs_object_id', message: expect.stringContaining('cannot be set') },
        {
          code: 'INVALID_OPTION',
          name: 'hs_buying_role',
          message: expect.stringMatching(/^GOALKEEPER was not one of the allowed options: \[BLOCKER, /),
        },
        { code: 'INVALID_DATE', name: 'date_of_birth', message: expect.stringContaining('not a valid date') },
      ]);
      expect(t.sandbox.portal.records.table('0-1').size).toBe(0);
    });

    it('refuses numbers, booleans, datetimes and dates off midnight with their own codes', async () => {
      const errors = await rejected('/crm/v3/objects/companies', {
        name: 'Acme',
        numberofemployees: 'twelve',
        is_public: 'maybe',
      });
      expect(errors.map((e) => [e.code, e.name])).toEqual([
        ['INVALID_INTEGER', 'numberofemployees'],
        ['INVALID_BOOLEAN', 'is_public'],
      ]);
      const dealErrors = await rejected('/crm/v3/objects/deals', { dealname: 'D', closedate: 'next week' });
      expect(dealErrors.map((e) => [e.code, e.name])).toEqual([['INVALID_DATETIME', 'closedate']]);
      const dateErrors = await rejected('/crm/v3/objects/contacts', {
        email: email(),
        date_of_birth: String(Date.UTC(1990, 1, 3, 10, 30)),
      });
      expect(dateErrors).toEqual([
        {
          code: 'INVALID_DATE',
          name: 'date_of_birth',
          message: `${Date.UTC(1990, 1, 3, 10, 30)} is at 10:30:0.0 UTC, not midnight!`,
        },
      ]);
    });

    it('refuses a value over 65,536 characters, and takes one of exactly that length', async () => {
      const errors = await rejected('/crm/v3/objects/contacts', {
        email: email(),
        firstname: 'x'.repeat(65_537),
      });
      expect(errors).toEqual([
        { code: 'INVALID_PROPERTY_VALUE', name: 'firstname', message: expect.stringContaining('65536') },
      ]);
      const longest = await createContact({ email: email(), firstname: 'x'.repeat(65_536) });
      expect(longest.properties.firstname).toHaveLength(65_536);
    });

    it('requires the documented properties on create', async () => {
      const errors = await rejected('/crm/v3/objects/notes', { hs_note_body: 'hello' });
      expect(errors).toEqual([
        { code: 'REQUIRED_PROPERTY', name: 'hs_timestamp', message: expect.any(String) },
      ]);
      const contact = await send<ErrorBody>('POST', '/crm/v3/objects/contacts', {
        properties: { phone: '+33 1 23' },
      });
      expect(contact.status).toBe(400);
      expect(contact.body.category).toBe('VALIDATION_ERROR');
    });

    it('checks pipelines, stages and owners against the portal through the stores', async () => {
      const deals = t.sandbox.portal.objectTypes.resolve('deals');
      const stages = t.sandbox.portal.pipelines.propertyOptions(deals, 'dealstage', {})!;
      expect(stages.length).toBeGreaterThan(0);
      const errors = await rejected('/crm/v3/objects/deals', {
        dealname: 'Staged',
        dealstage: 'no_such_stage',
        hubspot_owner_id: '1',
      });
      expect(errors.map((e) => [e.code, e.name])).toEqual([
        ['INVALID_OPTION', 'dealstage'],
        ['INVALID_OPTION', 'hubspot_owner_id'],
      ]);
      const deal = await send<RecordBody>('POST', '/crm/v3/objects/deals', {
        properties: { dealname: 'Staged', dealstage: stages[0] },
      });
      expect(deal.status).toBe(201);
      const moved = await send<RecordBody>('PATCH', `/crm/v3/objects/deals/${deal.body.id}`, {
        properties: { dealstage: stages[stages.length - 1] },
      });
      expect(moved.body.properties.dealstage).toBe(stages[stages.length - 1]);
    });

    it('normalises what it stores: dates as YYYY-MM-DD, datetimes as ISO, booleans lower-case, JSON numbers as strings', async () => {
      const contact = await createContact({ email: email(), date_of_birth: String(Date.UTC(1990, 1, 3)) });
      expect(contact.properties.date_of_birth).toBe('1990-02-03');
      const deal = await send<RecordBody>('POST', '/crm/v3/objects/deals', {
        properties: { dealname: 'Big', amount: 1200.5, closedate: String(Date.UTC(2026, 5, 1, 12)) },
      });
      expect(deal.body.properties).toMatchObject({ amount: '1200.5', closedate: '2026-06-01T12:00:00.000Z' });
      const company = await send<RecordBody>('POST', '/crm/v3/objects/companies', {
        properties: { name: 'Acme', is_public: 'TRUE' },
      });
      expect(company.body.properties.is_public).toBe('true');
    });
  });

  describe('writes and history', () => {
    it('clears a value with an empty string and records the clearing in history, newest first', async () => {
      const created = await createContact({ email: email(), firstname: 'Ann' });
      clock.advance(1_000);
      await send('PATCH', `/crm/v3/objects/contacts/${created.id}`, { properties: { firstname: 'Anna' } });
      clock.advance(1_000);
      const cleared = await send<RecordBody>('PATCH', `/crm/v3/objects/contacts/${created.id}`, {
        properties: { firstname: '' },
      });
      expect(cleared.status).toBe(200);
      const read = await send<RecordBody>(
        'GET',
        `/crm/v3/objects/contacts/${created.id}?properties=firstname&propertiesWithHistory=firstname`,
      );
      expect(read.body.properties.firstname).toBeNull();
      expect(t.sandbox.portal.records.get('0-1', created.id)!.properties).not.toHaveProperty('firstname');
      const history = read.body.propertiesWithHistory!.firstname!;
      expect(history.map((h) => h.value)).toEqual(['', 'Anna', 'Ann']);
      expect(history.map((h) => Date.parse(h.timestamp))).toEqual([
        clock.now(),
        clock.now() - 1_000,
        clock.now() - 2_000,
      ]);
      expect(history.every((h) => h.sourceType === 'INTEGRATION' && h.sourceId === '3001')).toBe(true);
      expect(Date.parse(read.body.updatedAt)).toBe(clock.now());
      expect(read.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('answers reads with the default properties in alphabetical order, nulls for requested unset ones', async () => {
      const created = await createContact({ email: email() });
      const read = await send<RecordBody>('GET', `/crm/v3/objects/contacts/${created.id}`);
      expect(Object.keys(read.body.properties)).toEqual([
        'createdate',
        'email',
        'firstname',
        'hs_object_id',
        'lastmodifieddate',
        'lastname',
      ]);
      expect(read.body.properties.firstname).toBeNull();
      expect(read.body.properties.hs_object_id).toBe(created.id);
      const some = await send<RecordBody>(
        'GET',
        `/crm/v3/objects/contacts/${created.id}?properties=phone&properties=no_such_property`,
      );
      expect(some.body.properties).toEqual({
        createdate: expect.any(String),
        hs_object_id: created.id,
        lastmodifieddate: expect.any(String),
        phone: null,
      });
    });

    it('refuses a second contact with the same email, whatever its case', async () => {
      const address = email();
      const first = await createContact({ email: address });
      const again = await send<ErrorBody>('POST', '/crm/v3/objects/contacts', {
        properties: { email: address.toUpperCase() },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        category: 'CONFLICT',
        message: `Contact already exists. Existing ID: ${first.id}`,
      });
      const other = await createContact({ email: email() });
      const update = await send<ErrorBody>('PATCH', `/crm/v3/objects/contacts/${other.id}`, {
        properties: { email: address },
      });
      expect(update.status).toBe(409);
    });

    it('finds records by idProperty and answers the two 404s', async () => {
      const address = email();
      const created = await createContact({ email: address, firstname: 'Idp' });
      const byEmail = await send<RecordBody>(
        'GET',
        `/crm/v3/objects/contacts/${address.toUpperCase()}?idProperty=email`,
      );
      expect(byEmail.body.id).toBe(created.id);
      const patched = await send<RecordBody>(
        'PATCH',
        `/crm/v3/objects/contacts/${address}?idProperty=email`,
        {
          properties: { lastname: 'Prop' },
        },
      );
      expect(patched.body).toMatchObject({ id: created.id, properties: { lastname: 'Prop' } });
      const notUnique = await send<ErrorBody>('GET', `/crm/v3/objects/contacts/Idp?idProperty=firstname`);
      expect(notUnique.status).toBe(400);
      const missing = await send<ErrorBody>('GET', '/crm/v3/objects/contacts/999999');
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe('resource not found');
      const nonNumeric = await send<ErrorBody>('GET', '/crm/v3/objects/contacts/abc');
      expect(nonNumeric.status).toBe(404);
      expect(nonNumeric.body).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { id: ['abc'] } });
    });

    it('hides archived records unless archived=true, and frees their email', async () => {
      const address = email();
      const created = await createContact({ email: address });
      expect((await t.call('DELETE', `/crm/v3/objects/contacts/${created.id}`)).status).toBe(204);
      expect((await t.call('GET', `/crm/v3/objects/contacts/${created.id}`)).status).toBe(404);
      const archived = await send<RecordBody>('GET', `/crm/v3/objects/contacts/${created.id}?archived=true`);
      expect(archived.body).toMatchObject({ archived: true, archivedAt: expect.any(String) });
      const list = await send<{ results: RecordBody[] }>(
        'GET',
        '/crm/v3/objects/contacts?archived=true&limit=100',
      );
      expect(list.body.results.map((r) => r.id)).toContain(created.id);
      expect(list.body.results.every((r) => r.archived)).toBe(true);
      const live = await send<{ results: RecordBody[] }>('GET', '/crm/v3/objects/contacts?limit=100');
      expect(live.body.results.map((r) => r.id)).not.toContain(created.id);
      await createContact({ email: address });
    });

    it('merges two contacts: primary values win, blanks are filled, the other id is gone', async () => {
      const primary = await createContact({ email: email(), firstname: 'Keep' });
      const other = await createContact({ email: email(), firstname: 'Lose', lastname: 'Filled' });
      const merged = await send<RecordBody>('POST', '/crm/v3/objects/contacts/merge', {
        primaryObjectId: primary.id,
        objectIdToMerge: other.id,
      });
      expect(merged.status).toBe(200);
      expect(merged.body.properties).toMatchObject({ firstname: 'Keep', lastname: 'Filled' });
      expect(t.sandbox.portal.records.get('0-1', other.id)).toBeUndefined();
      expect((await t.call('GET', `/crm/v3/objects/contacts/${other.id}?archived=true`)).status).toBe(404);
    });

    it('GDPR-deletes a contact by email for good', async () => {
      const address = email();
      const created = await createContact({ email: address });
      const res = await t.call('POST', '/crm/v3/objects/contacts/gdpr-delete', {
        objectId: address,
        idProperty: 'email',
      });
      expect(res.status).toBe(204);
      expect(t.sandbox.portal.records.get('0-1', created.id)).toBeUndefined();
    });

    it('pages through 25 records ten at a time', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        const created = await send<RecordBody>('POST', '/crm/v3/objects/products', {
          properties: { name: `P${i}` },
        });
        ids.push(created.body.id);
      }
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await send<{
          results: RecordBody[];
          paging?: { next: { after: string; link: string } };
        }>('GET', `/crm/v3/objects/products?limit=10${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        seen.push(...page.body.results.map((r) => r.id));
        after = page.body.paging?.next.after;
        if (after) expect(page.body.paging!.next.link).toContain('after=');
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);
    });

    it('serves the date-versioned alias', async () => {
      const created = await send<RecordBody>('POST', '/crm/objects/2026-03/contacts', {
        properties: { email: email() },
      });
      expect(created.status).toBe(201);
      const read = await send<RecordBody>('GET', `/crm/objects/2026-03/contacts/${created.body.id}`);
      expect(read.body.id).toBe(created.body.id);
    });
  });

  describe('batch', () => {
    const inputs = (count: number) =>
      Array.from({ length: count }, () => ({ properties: { email: email() } }));

    it('refuses more than 100 inputs', async () => {
      const res = await send<ErrorBody>('POST', '/crm/v3/objects/contacts/batch/create', {
        inputs: inputs(101),
      });
      expect(res.status).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
      expect(res.body.message).toContain('100');
      const read = await send<ErrorBody>('POST', '/crm/v3/objects/contacts/batch/read', {
        inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })),
      });
      expect(read.status).toBe(400);
    });

    it('writes nothing when one input of an untraced batch fails', async () => {
      const before = t.sandbox.portal.records.table('0-1').size;
      const res = await send<ErrorBody>('POST', '/crm/v3/objects/contacts/batch/create', {
        inputs: [...inputs(3), { properties: { email: 'broken' } }],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({
        code: 'INVALID_EMAIL',
        context: { propertyName: ['email'] },
      });
      expect(t.sandbox.portal.records.table('0-1').size).toBe(before);
    });

    it('answers 207 with traced errors and writes the good inputs', async () => {
      const taken = await createContact({ email: email() });
      const res = await send<BatchBody>('POST', '/crm/v3/objects/contacts/batch/create', {
        inputs: [
          { properties: { email: email() }, objectWriteTraceId: 'a' },
          { properties: { email: taken.properties.email }, objectWriteTraceId: 'b' },
          { properties: { nope: 'x', email: email() }, objectWriteTraceId: 'c' },
        ],
      });
      expect(res.status).toBe(207);
      expect(res.body.results.map((r) => r.objectWriteTraceId)).toEqual(['a']);
      expect(res.body.numErrors).toBe(2);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          category: 'CONFLICT',
          message: `Contact already exists. Existing ID: ${taken.id}`,
          context: { objectWriteTraceId: ['b'] },
        }),
        expect.objectContaining({ category: 'VALIDATION_ERROR', context: { objectWriteTraceId: ['c'] } }),
      ]);
    });

    it('reads by id and by email, reporting unknown ids in a 207', async () => {
      const a = await createContact({ email: email() });
      const b = await createContact({ email: email() });
      const res = await send<BatchBody>('POST', '/crm/v3/objects/contacts/batch/read', {
        properties: ['email'],
        propertiesWithHistory: [],
        inputs: [{ id: a.id }, { id: '987654' }],
      });
      expect(res.status).toBe(207);
      expect(res.body.results.map((r) => r.id)).toEqual([a.id]);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ category: 'OBJECT_NOT_FOUND', context: { ids: ['987654'] } }),
      ]);
      const byEmail = await send<BatchBody>('POST', '/crm/v3/objects/contacts/batch/read', {
        idProperty: 'email',
        inputs: [{ id: b.properties.email }],
      });
      expect(byEmail.status).toBe(200);
      expect(byEmail.body.results[0]!.id).toBe(b.id);
    });

    it('upserts by email: updates the known, creates the unknown', async () => {
      const known = await createContact({ email: email(), firstname: 'Old' });
      const fresh = email();
      const res = await send<BatchBody>('POST', '/crm/v3/objects/contacts/batch/upsert', {
        inputs: [
          { id: known.properties.email, idProperty: 'email', properties: { firstname: 'New' } },
          { id: fresh, idProperty: 'email', properties: { firstname: 'Fresh' } },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.results.map((r) => [r.id === known.id, r.new, r.properties.firstname])).toEqual([
        [true, false, 'New'],
        [false, true, 'Fresh'],
      ]);
      expect(res.body.results[1]!.properties.email).toBe(fresh);
    });

    it('refuses an upsert input with no value to match on, and writes nothing', async () => {
      const before = t.sandbox.portal.records.table('0-1').size;
      const res = await send<ErrorBody>('POST', '/crm/v3/objects/contacts/batch/upsert', {
        inputs: [{ id: '', idProperty: 'email', properties: { firstname: 'Nobody' } }],
      });
      expect(res.status).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
      expect(t.sandbox.portal.records.table('0-1').size).toBe(before);
    });

    it('updates and archives in batches', async () => {
      const a = await createContact({ email: email() });
      const update = await send<BatchBody>('POST', '/crm/v3/objects/contacts/batch/update', {
        inputs: [{ id: a.id, properties: { lastname: 'Batch' } }],
      });
      expect(update.status).toBe(200);
      expect(update.body.results[0]!.properties.lastname).toBe('Batch');
      const missing = await send<ErrorBody>('POST', '/crm/v3/objects/contacts/batch/update', {
        inputs: [
          { id: a.id, properties: { lastname: 'Again' } },
          { id: '888888', properties: { lastname: 'X' } },
        ],
      });
      expect(missing.status).toBe(404);
      expect(t.sandbox.portal.records.get('0-1', a.id)!.properties.lastname).toBe('Batch');
      const archive = await t.call('POST', '/crm/v3/objects/contacts/batch/archive', {
        inputs: [{ id: a.id }],
      });
      expect(archive.status).toBe(204);
      expect(t.sandbox.portal.records.get('0-1', a.id)!.archived).toBe(true);
    });
  });

  describe('custom objects and properties', () => {
    it('defines a schema, creates a record of it and reads it back', async () => {
      const schema = await send<{
        objectTypeId: string;
        fullyQualifiedName: string;
        properties: Array<{ name: string }>;
      }>('POST', '/crm-object-schemas/v3/schemas', {
        name: 'cars',
        labels: { singular: 'Car', plural: 'Cars' },
        primaryDisplayProperty: 'model',
        requiredProperties: ['model'],
        searchableProperties: ['model'],
        properties: [
          { name: 'model', label: 'Model', type: 'string', fieldType: 'text' },
          { name: 'vin', label: 'VIN', type: 'string', fieldType: 'text', hasUniqueValue: true },
          { name: 'year', label: 'Year', type: 'number', fieldType: 'number' },
        ],
        associatedObjects: ['CONTACT'],
      });
      expect(schema.status).toBe(201);
      expect(schema.body.objectTypeId).toMatch(/^2-\d+$/);
      expect(schema.body.fullyQualifiedName).toBe('p62515_cars');
      expect(schema.body.properties.map((p) => p.name).sort()).toEqual(
        ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', 'model', 'vin', 'year'].sort(),
      );
      const missingModel = await send<ErrorBody>('POST', '/crm/v3/objects/p62515_cars', {
        properties: { year: 2020 },
      });
      expect(missingModel.body.errors?.[0]).toMatchObject({
        code: 'REQUIRED_PROPERTY',
        context: { propertyName: ['model'] },
      });
      const car = await send<RecordBody>('POST', `/crm/v3/objects/${schema.body.objectTypeId}`, {
        properties: { model: 'Model T', vin: 'VIN-1', year: '1925' },
      });
      expect(car.status).toBe(201);
      const read = await send<RecordBody>('GET', `/crm/v3/objects/cars/${car.body.id}`);
      expect(read.body.properties).toEqual({
        hs_createdate: expect.any(String),
        hs_lastmodifieddate: expect.any(String),
        hs_object_id: car.body.id,
        model: 'Model T',
      });
      const byVin = await send<RecordBody>(
        'GET',
        '/crm/v3/objects/p62515_cars/VIN-1?idProperty=vin&properties=year',
      );
      expect(byVin.body.properties.year).toBe('1925');
      const duplicate = await send<ErrorBody>('POST', '/crm/v3/objects/cars', {
        properties: { model: 'B', vin: 'VIN-1' },
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.message).toContain(`Existing ID: ${car.body.id}`);
      const refused = await send<ErrorBody>('DELETE', '/crm-object-schemas/v3/schemas/cars');
      expect(refused.status).toBe(400);
    });

    it('creates a property that writes then validate against', async () => {
      const created = await send<{ name: string }>('POST', '/crm/v3/properties/contacts', {
        name: 'shoe_size',
        label: 'Shoe size',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'contactinformation',
        options: [
          { label: 'Small', value: 'S', hidden: false },
          { label: 'Large', value: 'L', hidden: false },
        ],
      });
      expect(created.status).toBe(201);
      const duplicate = await send<ErrorBody>('POST', '/crm/v3/properties/contacts', {
        name: 'shoe_size',
        label: 'Again',
        type: 'string',
        fieldType: 'text',
        groupName: 'contactinformation',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.category).toBe('OBJECT_ALREADY_EXISTS');
      const badPair = await send<ErrorBody>('POST', '/crm/v3/properties/contacts', {
        name: 'wrong_pair',
        label: 'Wrong',
        type: 'number',
        fieldType: 'textarea',
        groupName: 'contactinformation',
      });
      expect(badPair.status).toBe(400);
      const res = await send<ErrorBody>('POST', '/crm/v3/objects/contacts', {
        properties: { email: email(), shoe_size: 'XL' },
      });
      expect(res.body.errors?.[0]).toMatchObject({
        code: 'INVALID_OPTION',
        message: 'XL was not one of the allowed options: [S, L]',
      });
      expect((await t.call('DELETE', '/crm/v3/properties/contacts/shoe_size')).status).toBe(204);
      const gone = await send<ErrorBody>('POST', '/crm/v3/objects/contacts', {
        properties: { email: email(), shoe_size: 'S' },
      });
      expect(gone.body.errors?.[0]?.code).toBe('PROPERTY_DOESNT_EXIST');
    });
  });
});
