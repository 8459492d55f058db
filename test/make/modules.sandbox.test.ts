import type { Json } from '../../make/model';
import { OPERATIONS } from '../../operations';
import { type PortalPropertyDefinition, propertyInputFields } from '../../operations/propertyFields';
import { rateLimited } from '../../sandbox/errors';
import { MakeRunner, makeErrorOf, sandboxList } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/** Every generated Make action, search and RPC, run by the IML evaluator against the sandbox over a local port. */
describe('Make modules against the sandbox', () => {
  let t: TestSandbox;
  let make: MakeRunner;

  beforeAll(async () => {
    // The API add-on's larger 10-second burst: one test runs every RPC of the app back to back, where a Make user
    // opens dropdowns one at a time.
    t = await startTestSandbox({ tier: 'api-add-on' });
    make = new MakeRunner(t.url, { accessToken: t.token });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.sandbox.portal.limits.reset();
    t.sandbox.faults.reset();
    make.requests = [];
  });

  const CREATES: Record<string, Json> = {
    createContact: { email: 'make-create@example.com', firstname: 'Make', lifecyclestage: 'lead' },
    createCompany: { name: 'Make Co', domain: 'make.example.com' },
    createDeal: { dealname: 'Make deal', amount: 1200 },
    createTicket: { subject: 'Make ticket', hs_pipeline: '0', hs_pipeline_stage: '1' },
    createProduct: { name: 'Widget', price: 10 },
    createObject: { object_type: 'contacts', email: 'make-object@example.com' },
    createOrder: { hs_order_name: 'Make order', hs_currency_code: 'EUR', hs_total_price: 99 },
    createCart: { hs_cart_name: 'Make cart', hs_external_cart_id: 'MK-1' },
    createInvoice: { hs_currency: 'EUR', hs_due_date: '2026-03-01' },
    createQuote: { hs_title: 'Make quote', hs_expiration_date: '2026-03-31' },
  };

  /** Create actions whose effect is checked in `associationsLists.sandbox.test.ts`. */
  const CREATES_ELSEWHERE = [
    'createNote',
    'createTask',
    'createCall',
    'createMeeting',
    'createEmail',
    'createLineItem',
    'createAssociation',
    'addToList',
    'submitForm',
    'uploadFile',
    // Checked below with batch update and archive.
    'batchCreate',
    // Checked below with its contact.
    'createLead',
    // Checked in `automationMarketing.sandbox.test.ts`.
    'enrollInWorkflow',
    'enrollInSequence',
    'updateSubscription',
    'sendBehavioralEvent',
    'createTimelineEvent',
    'sendTransactionalEmail',
  ];

  it('runs every create action and the record exists in HubSpot', async () => {
    const creates = make.app.modules.filter((m) => m.moduleType === 'action' && m.crud === 'create');
    expect(creates.map((m) => m.name).sort()).toEqual([...Object.keys(CREATES), ...CREATES_ELSEWHERE].sort());
    for (const [name, parameters] of Object.entries(CREATES)) {
      const record = await make.action(name, parameters);
      expect({ name, id: record.id }).toEqual({ name, id: expect.stringMatching(/^\d+$/) });
      expect(record.properties).toEqual(expect.objectContaining({ hs_object_id: record.id }));
    }
  });

  it('updates, finds and archives an order; finds a cart, an invoice and a quote by a property', async () => {
    const order = await make.action('createOrder', { hs_order_name: 'Make order #2' });
    await make.action('updateOrder', { record_id: order.id, hs_fulfillment_status: 'Shipped' });
    const found = await make.run('findOrder', {
      search_property: 'hs_order_name',
      search_value: 'Make order #2',
    });
    expect(
      found.outputs.map((o) => [(o as Json).id, ((o as Json).properties as Json).hs_fulfillment_status]),
    ).toEqual([[order.id, 'Shipped']]);
    await make.action('archiveOrder', { record_id: order.id });
    expect(t.sandbox.portal.records.get('0-123', String(order.id))!.archived).toBe(true);
    for (const [module, type, property, value] of [
      ['findCart', 'carts', 'hs_external_cart_id', 'MK-2'],
      ['findInvoice', 'invoices', 'hs_purchase_order_number', 'PO-MK-2'],
      ['findQuote', 'quotes', 'hs_title', 'Make quote 2'],
    ] as const) {
      const extra = type === 'quotes' ? { hs_expiration_date: '2026-03-31' } : {};
      const created = await t.call('POST', `/crm/v3/objects/${type}`, {
        properties: { [property]: value, ...extra },
      });
      const { id } = (await created.json()) as { id: string };
      const { outputs } = await make.run(module, { search_property: property, search_value: value });
      expect({ module, ids: outputs.map((o) => (o as Json).id) }).toEqual({ module, ids: [id] });
    }
  });

  it('createLead sends the contact as primary contact in the same call; updateLead and findLead follow', async () => {
    const contact = await make.action('createContact', { email: 'make-lead@example.com' });
    await expect(make.action('createLead', { hs_lead_name: 'No contact' })).rejects.toThrow();
    make.requests = [];
    const lead = await make.action('createLead', { contact_id: contact.id, hs_lead_name: 'Make lead' });
    expect(lead).toMatchObject({ contact_id: contact.id, properties: { hs_lead_name: 'Make lead' } });
    const primary = { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 578 };
    expect(make.requests.map((r) => r.body)).toEqual([
      expect.objectContaining({ associations: [{ to: { id: contact.id }, types: [primary] }] }),
    ]);
    const id = String(lead.id);
    await make.action('updateLead', { record_id: id, hs_lead_label: 'WARM' });
    const { outputs } = await make.run('findLead', {
      search_property: 'hs_lead_name',
      search_value: 'Make lead',
    });
    expect(outputs.map((o) => [(o as Json).id, ((o as Json).properties as Json).hs_lead_label])).toEqual([
      [id, 'WARM'],
    ]);
    const quote = await make.action('createQuote', { hs_title: 'Q', hs_expiration_date: '2026-04-30' });
    await make.action('updateQuote', { record_id: quote.id, hs_title: 'Q2' });
    expect(t.sandbox.portal.records.get('0-14', String(quote.id))!.properties.hs_title).toBe('Q2');
  });

  it('updates by unique property and by id, and upserts (create, then update) in one call each', async () => {
    const company = await make.action('createCompany', { name: 'Before' });
    await make.action('updateCompany', { record_id: company.id, name: 'After' });
    await make.action('updateObject', {
      object_type: 'companies',
      record_id: company.id,
      domain: 'after.example.com',
    });
    const stored = t.sandbox.portal.records.get('0-2', String(company.id))!;
    expect(stored.properties).toEqual(
      expect.objectContaining({ name: 'After', domain: 'after.example.com' }),
    );

    await make.action('createContact', { email: 'alan@example.com' });
    const updated = await make.action('updateContact', {
      record_id: 'alan@example.com',
      id_property: 'email',
      jobtitle: 'Mathematician',
    });
    expect((updated.properties as Json).jobtitle).toBe('Mathematician');

    const first = await make.action('createOrUpdateContact', {
      id_property: 'email',
      email: 'grace@example.com',
      firstname: 'Grace',
    });
    const second = await make.action('createOrUpdateObject', {
      object_type: 'contacts',
      id_property: 'email',
      email: 'grace@example.com',
      lastname: 'Hopper',
    });
    expect(first.is_new).toBe(true);
    expect(second).toEqual(expect.objectContaining({ id: first.id, is_new: false }));
    const deal = await make.action('createDeal', { dealname: 'To update' });
    const ticket = await make.action('createTicket', {
      subject: 'To update',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
    });
    expect(
      ((await make.action('updateDeal', { record_id: deal.id, dealname: 'Updated' })).properties as Json)
        .dealname,
    ).toBe('Updated');
    expect(
      ((await make.action('updateTicket', { record_id: ticket.id, subject: 'Updated' })).properties as Json)
        .subject,
    ).toBe('Updated');
  });

  it('updates a product and a line item, and archives a record found by e-mail; an unknown one is a DataError', async () => {
    const product = await make.action('createProduct', { name: 'Seat', price: 40 });
    const updatedProduct = await make.action('updateProduct', { record_id: product.id, price: 45 });
    expect((updatedProduct.properties as Json).price).toBe('45');
    const item = await make.action('createLineItem', { product_id: product.id, quantity: 2 });
    const updatedItem = await make.action('updateLineItem', { record_id: item.id, quantity: 5 });
    expect((updatedItem.properties as Json).quantity).toBe('5');

    const contact = await make.action('createContact', { email: 'archive-me@example.com' });
    const archived = await make.action('archiveObject', {
      object_type: 'contacts',
      record_id: 'archive-me@example.com',
      id_property: 'email',
    });
    expect(archived).toEqual({ id: contact.id, archived: true, object_type: 'contacts' });
    expect(t.sandbox.portal.records.get('0-1', String(contact.id))!.archived).toBe(true);
    const missing = await makeErrorOf(
      make.action('archiveObject', { object_type: 'contacts', record_id: '999999999' }),
    );
    expect(missing.type).toBe('DataError');
  });

  it('merges two companies into the primary one', async () => {
    const primary = await make.action('createCompany', { name: 'Primary Co' });
    const other = await make.action('createCompany', { name: 'Other Co', domain: 'other.example.com' });
    const merged = await make.action('mergeRecords', {
      object_type: 'companies',
      primary_id: primary.id,
      merged_id: other.id,
    });
    expect(merged.id).toBe(primary.id);
    expect(t.sandbox.portal.records.get('0-2', String(primary.id))!.properties.domain).toBe(
      'other.example.com',
    );
    expect(t.sandbox.portal.records.get('0-2', String(other.id))).toBeUndefined();
  });

  it('batch upserts an array of records in one call, matching each on the chosen "Match on" property', async () => {
    const existing = await make.action('createProduct', { name: 'Old widget', hs_sku: 'SKU-B1' });
    make.requests = [];
    const result = await make.action('batchUpsert', {
      object_type: 'products',
      id_property: 'hs_sku',
      inputs: [
        { id: 'SKU-B1', properties: { name: 'Widget B1' } },
        { id: 'SKU-B2', properties: { name: 'Widget B2' } },
      ],
    });
    expect(make.requests).toHaveLength(1);
    expect((make.requests[0]!.body as Json).inputs).toEqual([
      { idProperty: 'hs_sku', id: 'SKU-B1', properties: { name: 'Widget B1' } },
      { idProperty: 'hs_sku', id: 'SKU-B2', properties: { name: 'Widget B2' } },
    ]);
    const ids = (result.results as Json[]).map((r) => String(r.id));
    expect(ids).toContain(String(existing.id));
    expect(t.sandbox.portal.records.get('0-7', String(existing.id))!.properties.name).toBe('Widget B1');
    const created = ids.find((id) => id !== String(existing.id))!;
    expect(t.sandbox.portal.records.get('0-7', created)!.properties).toMatchObject({ hs_sku: 'SKU-B2' });
  });

  it('batch creates, updates and archives arrays of records, one call each', async () => {
    const created = await make.action('batchCreate', {
      object_type: 'companies',
      inputs: [{ properties: { name: 'Batch A' } }, { properties: { name: 'Batch B' } }],
    });
    const ids = (created.results as Json[]).map((r) => String(r.id));
    expect(ids).toHaveLength(2);
    expect(ids.map((id) => t.sandbox.portal.records.get('0-2', id)!.properties.name).sort()).toEqual([
      'Batch A',
      'Batch B',
    ]);
    make.requests = [];
    const updated = await make.action('batchUpdate', {
      object_type: 'companies',
      inputs: ids.map((id) => ({ id, properties: { city: 'Lyon' } })),
    });
    expect((updated.results as Json[]).map((r) => String(r.id)).sort()).toEqual([...ids].sort());
    expect(ids.map((id) => t.sandbox.portal.records.get('0-2', id)!.properties.city)).toEqual([
      'Lyon',
      'Lyon',
    ]);
    const archived = await make.action('batchArchive', {
      object_type: 'companies',
      inputs: ids.map((id) => ({ id })),
    });
    expect(archived).toEqual({ archived: 2 });
    expect(make.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /crm/v3/objects/companies/batch/update',
      'POST /crm/v3/objects/companies/batch/archive',
    ]);
    for (const id of ids) expect(t.sandbox.portal.records.get('0-2', id)!.archived).toBe(true);
  });

  it.each(['batchCreate', 'batchUpdate', 'batchUpsert', 'batchArchive'])(
    '%s refuses more than 100 records naming the field, before any HubSpot call',
    async (name) => {
      const inputs = Array.from({ length: 101 }, (_, i) => ({ id: `${i + 1}`, properties: { name: 'x' } }));
      const error = await makeErrorOf(
        make.action(name, { object_type: 'companies', id_property: 'domain', inputs }),
      );
      expect(error).toEqual({
        type: 'DataError',
        message: expect.stringMatching(/^Records \(inputs\): .*100/),
      });
      expect(make.requests).toEqual([]);
    },
  );

  it('batchUpsert refuses a "Match on" that is not a property name, before any HubSpot call', async () => {
    const error = await makeErrorOf(
      make.action('batchUpsert', {
        object_type: 'contacts',
        id_property: 'email","id":"x',
        inputs: [{ id: 'a@example.com', properties: {} }],
      }),
    );
    expect(error).toEqual({
      type: 'DataError',
      message: expect.stringMatching(/^Match on \(id_property\): /),
    });
    expect(make.requests).toEqual([]);
  });

  it('makes an arbitrary API call (universal module)', async () => {
    const answer = await make.action('apiRequest', {
      method: 'GET',
      path: '/crm/v3/objects/contacts',
      query: [{ key: 'limit', value: '2' }],
    });
    expect(answer.statusCode).toBe(200);
    expect(((answer.body as Json).results as Json[]).length).toBe(2);
  });

  it.each([
    ['findContact', 'contacts', 'lastname', {}],
    ['findCompany', 'companies', 'city', {}],
    ['findDeal', 'deals', 'description', {}],
    ['findTicket', 'tickets', 'content', { hs_pipeline: '0', hs_pipeline_stage: '1' }],
    ['findProduct', 'products', 'description', {}],
    ['findObject', 'companies', 'description', { object_type: 'companies' }],
  ] as const)(
    "%s reads every page of a search at HubSpot's 200 a page (body repeated with `after`)",
    async (name, type, property, extra) => {
      const value = `pager-${name}`;
      const { object_type, ...props } = extra as Json;
      for (const batch of [100, 100, 5]) {
        const inputs = Array.from({ length: batch }, () => ({ properties: { ...props, [property]: value } }));
        const res = await t.call('POST', `/crm/v3/objects/${type}/batch/create`, { inputs });
        expect(res.status).toBeLessThan(300);
      }
      make.requests = [];
      const { outputs } = await make.run(name, {
        ...(object_type ? { object_type } : {}),
        search_property: property,
        search_value: value,
        limit: 500,
      });
      expect(outputs).toHaveLength(205);
      const searches = make.requests.filter((r) => r.url.endsWith('/search'));
      expect(searches).toHaveLength(2);
      expect((searches[0]!.body as Json).limit).toBe(200);
      expect((searches[1]!.body as Json).after).toBeDefined();
      expect((searches[1]!.body as Json).filterGroups).toEqual((searches[0]!.body as Json).filterGroups);
    },
  );

  it("runs every RPC; property fields match the Zapier app's fields for the same portal", async () => {
    const params: Json = {
      object_type: 'contacts',
      engagement_type: 'notes',
      from_object_type: 'contacts',
      to_object_type: 'companies',
      // The sending user of a sequence (a seeded user who owns sequences).
      user_id: 2002,
    };
    // Read before the RPCs: running every one spends the portal's 10-second burst, and this read is not retried.
    const answer = (await (await t.call('GET', '/crm/v3/properties/contacts')).json()) as {
      results: PortalPropertyDefinition[];
    };
    const defs = answer.results;
    sandboxList(t.sandbox, 'RPC list');
    for (const rpc of make.app.rpcs) {
      const items = await make.rpc(rpc.name, params);
      expect({ rpc: rpc.name, some: items.length > 0 }).toEqual({ rpc: rpc.name, some: true });
      if (rpc.name.endsWith('OutputProperties')) {
        // Interface fields: one `properties` collection of labelled fields (test/make/outputLabels.sandbox.test.ts).
        expect(items).toEqual([expect.objectContaining({ name: 'properties', type: 'collection' })]);
        expect((items[0]!.spec as Json[]).length).toBeGreaterThan(0);
      } else if (rpc.name.includes('PropertyFields')) {
        for (const item of items)
          expect(item).toEqual(
            expect.objectContaining({ name: expect.any(String), type: expect.any(String) }),
          );
      } else {
        for (const item of items)
          expect(item).toEqual(
            expect.objectContaining({ label: expect.any(String), value: expect.anything() }),
          );
      }
    }
    const zapierKeys = propertyInputFields(defs, { objectType: 'contacts', purpose: 'create' })
      .map((f) => f.key)
      .sort();
    const makeFields = await make.rpc('listContactsPropertyFields');
    expect(makeFields.map((f) => f.name).sort()).toEqual(zapierKeys);
    const byName = Object.fromEntries(makeFields.map((f) => [f.name, f]));
    expect(byName.hubspot_owner_id).toEqual(
      expect.objectContaining({ type: 'select', options: 'rpc://listOwners' }),
    );
    expect(byName.lifecyclestage).toEqual(
      expect.objectContaining({
        type: 'select',
        options: expect.arrayContaining([expect.objectContaining({ value: 'lead' })]),
      }),
    );
    const stages = await make.rpc('listDealsStages', { pipeline: 'default' });
    expect(stages.map((s) => s.value)).toContain('appointmentscheduled');
    expect(OPERATIONS.length).toBeGreaterThan(0);
  });

  it('maps a 429 to RateLimitError (Make retries it)', async () => {
    t.sandbox.faults.add({
      path: '/crm/v3/objects/contacts',
      status: 429,
      // The body the sandbox answers a burst with (`sandbox/errors.ts` rateLimited).
      body: rateLimited('TEN_SECONDLY_ROLLING').body,
    });
    expect(await makeErrorOf(make.action('createContact', { email: 'late@example.com' }))).toEqual({
      type: 'RateLimitError',
      message: expect.stringContaining('ten_secondly_rolling'),
    });
  });

  it('maps the daily 429 to RateLimitError saying a retry before the midnight reset cannot help', async () => {
    t.sandbox.faults.add({
      path: '/crm/v3/objects/contacts',
      status: 429,
      body: rateLimited('DAILY').body,
    });
    const error = await makeErrorOf(make.action('createContact', { email: 'daily@example.com' }));
    expect(error.type).toBe('RateLimitError');
    expect(error.message).toMatch(/daily API limit.*used up/);
    expect(error.message).toMatch(/resets at midnight in the time zone of the HubSpot account/);
    expect(error.message).toMatch(/retry before then cannot succeed/);
    // A burst limit clears in seconds: its message promises nothing of the kind.
    t.sandbox.faults.reset();
    t.sandbox.faults.add({
      path: '/crm/v3/objects/contacts',
      status: 429,
      body: rateLimited('TEN_SECONDLY_ROLLING').body,
    });
    const burst = await makeErrorOf(make.action('createContact', { email: 'burst@example.com' }));
    expect(burst.message).not.toMatch(/midnight|cannot succeed/);
  });

  it('maps a 401 to InvalidAccessTokenError', async () => {
    const bad = new MakeRunner(t.url, { accessToken: 'pat-na1-00000000-fake-revoked' });
    expect((await makeErrorOf(bad.action('createContact', { email: 'x@example.com' }))).type).toBe(
      'InvalidAccessTokenError',
    );
  });

  it("maps a 400 to DataError carrying HubSpot's property messages", async () => {
    const error = await makeErrorOf(
      make.action('createContact', { email: 'bad@example.com', lifecyclestage: 'not-a-stage' }),
    );
    expect(error.type).toBe('DataError');
    expect(error.message).toMatch(/^\[400\].*lifecyclestage/);
  });

  it('maps a 403 missing scope to InvalidConfigurationError naming the scope, and a 409 to DuplicateDataError', async () => {
    const limited = new MakeRunner(t.url, {
      accessToken: t.sandbox.portal.auth.createPrivateAppToken({
        token: 'pat-na1-00000000-fake-contacts-only',
        scopes: ['crm.objects.contacts.read'],
      }),
    });
    const denied = await makeErrorOf(limited.action('createContact', { email: 'scope@example.com' }));
    expect(denied).toEqual({
      type: 'InvalidConfigurationError',
      message: expect.stringContaining('crm.objects.contacts.write'),
    });
    await make.action('createContact', { email: 'twice@example.com' });
    expect((await makeErrorOf(make.action('createContact', { email: 'twice@example.com' }))).type).toBe(
      'DuplicateDataError',
    );
  });
});
