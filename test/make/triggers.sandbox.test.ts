import type { Json } from '../../make/model';
import { DEFAULT_LAG_MARGIN_MS } from '../../operations/polling';
import { ManualClock } from '../../sandbox';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * Every generated polling trigger from its epoch ("Choose where to start") and then from its watermark, and both
 * connections (OAuth with refresh, private-app token), run by the IML evaluator against the sandbox.
 */
/** Past the triggers' lag margin: what was written before is now read. */
const LAG_MARGIN_MS = DEFAULT_LAG_MARGIN_MS + 1_000;

describe('Make triggers and connections against the sandbox', () => {
  let t: TestSandbox;
  let clock: ManualClock;
  let make: MakeRunner;

  beforeAll(async () => {
    clock = new ManualClock();
    t = await startTestSandbox({ clock });
    make = new MakeRunner(t.url, { accessToken: t.token });
    make.now = () => new Date(clock.now());
    leadContact = await create('contacts', { email: 'lead-contact@example.com' });
  });
  afterAll(() => t.close());

  /** Creates one record a second later than the last, so creation times order them. */
  async function create(type: string, properties: Json): Promise<string> {
    clock.advance(1_000);
    const res = await t.call('POST', `/crm/v3/objects/${type}`, { properties, ...withRequiredContact(type) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  /** HubSpot creates a lead only with its primary contact (type 578): https://developers.hubspot.com/docs/api/crm/leads */
  let leadContact: string | undefined;
  function withRequiredContact(type: string): Json {
    if (type !== 'leads') return {};
    const types = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 578 }];
    return { associations: [{ to: { id: leadContact! }, types }] };
  }
  const TRIGGERS: Array<[string, string, Json, (i: number) => Json]> = [
    ['newContact', 'contacts', {}, (i) => ({ email: `watch${i}@example.com` })],
    ['newOrUpdatedContact', 'contacts', {}, (i) => ({ email: `changed${i}@example.com` })],
    ['newCompany', 'companies', {}, (i) => ({ name: `Watch ${i}` })],
    ['newOrUpdatedCompany', 'companies', {}, (i) => ({ name: `Changed company ${i}` })],
    ['newDeal', 'deals', {}, (i) => ({ dealname: `Watch ${i}` })],
    ['newOrUpdatedDeal', 'deals', {}, (i) => ({ dealname: `Changed deal ${i}` })],
    [
      'newOrUpdatedTicket',
      'tickets',
      {},
      (i) => ({ subject: `Changed ticket ${i}`, hs_pipeline: '0', hs_pipeline_stage: '1' }),
    ],
    [
      'newTicket',
      'tickets',
      {},
      (i) => ({ subject: `Watch ${i}`, hs_pipeline: '0', hs_pipeline_stage: '1' }),
    ],
    ['newOrder', 'orders', {}, (i) => ({ hs_order_name: `Watch order ${i}` })],
    ['newOrUpdatedOrder', 'orders', {}, (i) => ({ hs_order_name: `Changed order ${i}` })],
    ['newLead', 'leads', {}, (i) => ({ hs_lead_name: `Watch lead ${i}` })],
    ['newCart', 'carts', {}, (i) => ({ hs_cart_name: `Watch cart ${i}` })],
    ['newInvoice', 'invoices', {}, (i) => ({ hs_currency: 'EUR', hs_purchase_order_number: `PO-${i}` })],
    ['newQuote', 'quotes', {}, (i) => ({ hs_title: `Watch quote ${i}`, hs_expiration_date: '2026-03-31' })],
    ['newObject', 'products', { object_type: 'products' }, (i) => ({ name: `Watch ${i}` })],
    ['newProduct', 'products', {}, (i) => ({ name: `Watch product ${i}`, price: '1' })],
    ['newLineItem', 'line_items', {}, (i) => ({ name: `Watch item ${i}`, quantity: '1', price: '1' })],
    ['newOrUpdatedObject', 'companies', { object_type: 'companies' }, (i) => ({ name: `Changed ${i}` })],
    [
      'newEngagement',
      'notes',
      { engagement_type: 'notes' },
      (i) => ({ hs_note_body: `Watch ${i}`, hs_timestamp: '2026-01-05T09:00:00Z' }),
    ],
  ];

  /** Watch modules with several requests a run, run in `watchModules.sandbox.test.ts`. */
  const SEVERAL_REQUESTS = [
    'contactPropertyChange',
    'objectPropertyChange',
    'dealStageChanged',
    'ticketStageChanged',
    'newFormSubmission',
  ];

  it('renders a trigger for each listed one (a new trigger needs a line here)', () => {
    expect(
      make.app.modules
        .filter((m) => m.moduleType === 'trigger')
        .map((m) => m.name)
        .sort(),
    ).toEqual([...TRIGGERS.map(([name]) => name), ...SEVERAL_REQUESTS].sort());
  });

  it('every trigger has a required Limit with a default', () => {
    // Form submissions come newest first: a limit would keep the newest and pass over older ones for good, so that
    // watch returns every new submission (make/formWatchModule.ts).
    const limited = make.app.modules.filter(
      (m) => m.moduleType === 'trigger' && m.name !== 'newFormSubmission',
    );
    for (const module of limited) {
      const limit = module.staticParams.find((p) => (p as Json).name === 'limit');
      expect({ module: module.name, limit }).toEqual({
        module: module.name,
        limit: expect.objectContaining({ type: 'uinteger', required: true, default: 100 }),
      });
    }
  });

  it.each(TRIGGERS)(
    '%s: starts where chosen in the epoch, then continues from its watermark',
    async (name, type, params, props) => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await create(type, props(i)));
      clock.advance(LAG_MARGIN_MS);
      const epoch = await make.epoch(name, params);
      expect(epoch.length).toBeGreaterThanOrEqual(3);
      expect(epoch[0]).toEqual({ label: expect.any(String), date: expect.any(String) });
      // Start after the oldest of the three: the two newer ones are emitted, oldest first.
      const start = epoch[2]!;
      const first = await make.poll(name, params, { lastDate: start.date });
      expect(first.emitted.map((b) => (b as Json).record_id ?? (b as Json).id)).toEqual([ids[1], ids[2]]);
      // Nothing new: nothing emitted, state kept.
      const idle = await make.poll(name, params, first.state);
      expect(idle.emitted).toEqual([]);
      const fresh = await create(type, props(9));
      // Within the lag margin a record is left for a later run.
      expect((await make.poll(name, params, idle.state)).emitted).toEqual([]);
      clock.advance(LAG_MARGIN_MS);
      const next = await make.poll(name, params, idle.state);
      expect(next.emitted.map((b) => (b as Json).record_id ?? (b as Json).id)).toEqual([fresh]);
    },
  );

  it('newOrUpdatedContact fires again when a record changes, with the record id and a new dedupe key', async () => {
    const id = await create('contacts', { email: 'again@example.com' });
    clock.advance(LAG_MARGIN_MS);
    const { state } = await make.poll('newOrUpdatedContact', {}, {});
    clock.advance(1_000);
    await t.call('PATCH', `/crm/v3/objects/contacts/${id}`, { properties: { firstname: 'Again' } });
    clock.advance(LAG_MARGIN_MS);
    const { emitted } = await make.poll('newOrUpdatedContact', {}, state);
    expect(emitted).toEqual([
      expect.objectContaining({
        id,
        record_id: id,
        dedupe_key: expect.stringMatching(new RegExp(`^${id}-\\d+$`)),
      }),
    ]);
  });

  it('a record indexed late, with a time older than one indexed at once, is emitted on a later run (lag margin)', async () => {
    const start = { lastDate: new Date(clock.now()).toISOString() };
    t.sandbox.portal.searchIndexLagMs = 45_000;
    const late = await create('contacts', { email: 'late-indexed@example.com' });
    t.sandbox.portal.searchIndexLagMs = 0;
    clock.advance(9_000);
    const prompt = await create('contacts', { email: 'indexed-at-once@example.com' });
    clock.advance(9_000);
    // HubSpot's search shows the newer record and not yet the older one: a watermark taken now would pass the late one.
    const visible = await t.call('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [
        { filters: [{ propertyName: 'createdate', operator: 'GT', value: Date.parse(start.lastDate) }] },
      ],
    });
    expect(((await visible.json()) as { results: Json[] }).results.map((r) => r.id)).toEqual([prompt]);
    const early = await make.poll('newContact', {}, start);
    expect(early.emitted).toEqual([]);
    clock.advance(LAG_MARGIN_MS);
    const later = await make.poll('newContact', {}, early.state);
    expect(later.emitted.map((b) => (b as Json).id)).toEqual([late, prompt]);
    const filters = (make.requests.at(-1)!.body as { filterGroups: Array<{ filters: Json[] }> })
      .filterGroups[0]!.filters;
    expect(filters[1]).toEqual({
      propertyName: 'createdate',
      operator: 'LTE',
      value: String(clock.now() - DEFAULT_LAG_MARGIN_MS),
    });
  });

  it('records sharing a timestamp across the limit boundary are each emitted exactly once over two runs', async () => {
    clock.advance(1_000);
    const start = { lastDate: new Date(clock.now()).toISOString() };
    clock.advance(1_000);
    // Three contacts created in the same millisecond: only the id tells them apart.
    const ids: string[] = [];
    for (const email of ['tie1@example.com', 'tie2@example.com', 'tie3@example.com']) {
      const res = await t.call('POST', '/crm/v3/objects/contacts', { properties: { email } });
      ids.push(((await res.json()) as { id: string }).id);
    }
    clock.advance(LAG_MARGIN_MS);
    const first = await make.poll('newContact', { limit: 2 }, start);
    const second = await make.poll('newContact', { limit: 2 }, first.state);
    const third = await make.poll('newContact', { limit: 2 }, second.state);
    const emitted = [...first.emitted, ...second.emitted, ...third.emitted].map((b) => (b as Json).id);
    expect(first.emitted).toHaveLength(2);
    expect(emitted).toEqual(ids);
  });

  it('private-app token connection: checked on save, labelled with the portal', async () => {
    const connection = await make.connectToken(t.token);
    const portalId = String(t.sandbox.portal.info.portalId);
    expect(String(connection.uid)).toBe(portalId);
    expect((connection.metadata as Json).value).toContain(portalId);
    await expect(make.connectToken('pat-na1-00000000-fake-wrong')).rejects.toMatchObject({
      type: 'InvalidAccessTokenError',
    });
  });

  it('OAuth connection: authorize, token, info (portal uid, readable label), refresh before expiry, then a module call', async () => {
    const app = t.sandbox.portal.auth.registerOAuthApp({
      clientId: 'test-client-id',
      clientSecret: 'test-client-secret',
    });
    const common = { clientId: app.clientId, clientSecret: app.clientSecret };
    const { data, uid, metadata } = await make.connectOAuth(common);
    expect(String(uid)).toBe(String(t.sandbox.portal.info.portalId));
    expect(metadata.value).toContain(t.sandbox.portal.info.domain);
    expect(await make.refreshOAuth(common, data)).toBeUndefined();
    clock.advance(26 * 60_000);
    const refreshed = (await make.refreshOAuth(common, data))!;
    expect(refreshed.accessToken).not.toBe(data.accessToken);
    // The old token has expired by the time Make would use it; the refreshed one works.
    clock.advance(5 * 60_000);
    const oauthMake = new MakeRunner(t.url, { accessToken: refreshed.accessToken });
    oauthMake.now = make.now;
    const owners = await oauthMake.rpc('listOwners');
    expect(owners.length).toBeGreaterThan(0);
    await expect(
      new MakeRunner(t.url, { accessToken: data.accessToken }).rpc('listOwners'),
    ).rejects.toMatchObject({
      type: 'InvalidAccessTokenError',
    });
  });

  it('OAuth connection errors: a wrong client secret is a configuration error; deleting the connection revokes its refresh token, which then asks to reconnect', async () => {
    const app = t.sandbox.portal.auth.registerOAuthApp();
    await expect(
      make.connectOAuth({ clientId: app.clientId, clientSecret: 'not-the-secret' }),
    ).rejects.toMatchObject({ type: 'InvalidConfigurationError' });
    const common = { clientId: app.clientId, clientSecret: app.clientSecret };
    const { data } = await make.connectOAuth(common);
    // Deleting the connection in Make revokes the refresh token at HubSpot.
    await make.invalidateOAuth(common, data);
    expect(t.sandbox.portal.auth.liveRefreshToken(String(data.refreshToken))).toBeUndefined();
    clock.advance(26 * 60_000);
    await expect(make.refreshOAuth(common, data)).rejects.toMatchObject({ type: 'InvalidAccessTokenError' });
  });

  it('OAuth refresh answered 401 is a configuration error, with or without the invalid_client code', async () => {
    const app = t.sandbox.portal.auth.registerOAuthApp();
    const common = { clientId: app.clientId, clientSecret: app.clientSecret };
    const { data } = await make.connectOAuth(common);
    clock.advance(26 * 60_000);
    const refused = (body: Json) =>
      t.sandbox.faults.add({ method: 'POST', pathPattern: '^/oauth/[^/]+/token$', status: 401, body });
    refused({ error: 'invalid_client', error_description: 'missing or invalid client id' });
    await expect(make.refreshOAuth(common, data)).rejects.toMatchObject({
      type: 'InvalidConfigurationError',
    });
    refused({ status: 'BAD_CLIENT_ID', message: 'missing or invalid client id' });
    await expect(make.refreshOAuth(common, data)).rejects.toMatchObject({
      type: 'InvalidConfigurationError',
    });
  });
});
