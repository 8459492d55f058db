import type { Json } from '../../make/model';
import { ManualClock } from '../../sandbox';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * Every generated polling trigger from its epoch ("Choose where to start") and then from its watermark, and both
 * connections (OAuth with refresh, private-app token), run by the IML evaluator against the sandbox.
 */
describe('Make triggers and connections against the sandbox', () => {
  let t: TestSandbox;
  let clock: ManualClock;
  let make: MakeRunner;

  beforeAll(async () => {
    clock = new ManualClock();
    t = await startTestSandbox({ clock });
    make = new MakeRunner(t.url, { accessToken: t.token });
    make.now = () => new Date(clock.now());
  });
  afterAll(() => t.close());

  /** Creates one record a second later than the last, so creation times order them. */
  async function create(type: string, properties: Json): Promise<string> {
    clock.advance(1_000);
    const res = await t.call('POST', `/crm/v3/objects/${type}`, { properties });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  const TRIGGERS: Array<[string, string, Json, (i: number) => Json]> = [
    ['newContact', 'contacts', {}, (i) => ({ email: `watch${i}@example.com` })],
    ['newOrUpdatedContact', 'contacts', {}, (i) => ({ email: `changed${i}@example.com` })],
    ['newCompany', 'companies', {}, (i) => ({ name: `Watch ${i}` })],
    ['newDeal', 'deals', {}, (i) => ({ dealname: `Watch ${i}` })],
    [
      'newTicket',
      'tickets',
      {},
      (i) => ({ subject: `Watch ${i}`, hs_pipeline: '0', hs_pipeline_stage: '1' }),
    ],
    ['newObject', 'products', { object_type: 'products' }, (i) => ({ name: `Watch ${i}` })],
    ['newOrUpdatedObject', 'companies', { object_type: 'companies' }, (i) => ({ name: `Changed ${i}` })],
    [
      'newEngagement',
      'notes',
      { engagement_type: 'notes' },
      (i) => ({ hs_note_body: `Watch ${i}`, hs_timestamp: '2026-01-05T09:00:00Z' }),
    ],
  ];

  it('renders a trigger for each listed one (a new trigger needs a line here)', () => {
    expect(
      make.app.modules
        .filter((m) => m.moduleType === 'trigger')
        .map((m) => m.name)
        .sort(),
    ).toEqual(TRIGGERS.map(([name]) => name).sort());
  });

  it.each(TRIGGERS)(
    '%s: starts where chosen in the epoch, then continues from its watermark',
    async (name, type, params, props) => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await create(type, props(i)));
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
      const next = await make.poll(name, params, idle.state);
      expect(next.emitted.map((b) => (b as Json).record_id ?? (b as Json).id)).toEqual([fresh]);
    },
  );

  it('newOrUpdatedContact fires again when a record changes, with a new bundle id', async () => {
    const id = await create('contacts', { email: 'again@example.com' });
    const { state } = await make.poll('newOrUpdatedContact', {}, {});
    clock.advance(1_000);
    await t.call('PATCH', `/crm/v3/objects/contacts/${id}`, { properties: { firstname: 'Again' } });
    const { emitted } = await make.poll('newOrUpdatedContact', {}, state);
    expect(emitted).toEqual([
      expect.objectContaining({ record_id: id, id: expect.stringMatching(new RegExp(`^${id}-\\d+$`)) }),
    ]);
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
});
