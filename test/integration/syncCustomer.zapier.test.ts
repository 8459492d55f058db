import { liveCount, runner, useZapierSandbox } from '../support/crm';

// z.cache honouring `nx` and `ttl`, as Zapier serves it: the runs below claim new domains through it.
jest.mock('zapier-platform-core/src/tools/create-rpc-client', () =>
  jest
    .requireActual('../support/zcacheRpc')
    .withZcache(jest.requireActual('zapier-platform-core/src/tools/create-rpc-client')),
);

/**
 * "Sync Customer" through the Zapier app: each path's HubSpot calls counted by the sandbox's request log, the records
 * and associations read back from the sandbox's own state, and overlapping runs ending with one company per domain.
 */
describe('Zapier sync_customer against the sandbox', () => {
  const context = useZapierSandbox();
  const { create } = runner(context);
  const portal = () => context.t.sandbox.portal;
  const companies = () => liveCount(context.t, '0-2');
  const calls = () => context.t.sandbox.log.summary();
  const companiesOf = (contactId: string) => portal().associations.associatedIds('0-1', contactId, '0-2');
  const notesOf = (type: string, id: string) => portal().associations.associatedIds(type, id, '0-46');

  it('creates the contact and the company, associates them and notes both: 4 calls', async () => {
    const out = await create('sync_customer', {
      email: 'ada@engines.example',
      firstname: 'Ada',
      company_domain: 'https://Engines.example/about',
      company_name: 'Analytical Engines',
      note: 'Ordered 3 engines',
    });
    expect(out).toMatchObject({
      contact_created: true,
      company_created: true,
      company_domain: 'engines.example',
      company_name: 'Analytical Engines',
      firstname: 'Ada',
    });
    expect(companiesOf(out.id)).toEqual([out.company_id]);
    expect(notesOf('0-1', out.id)).toEqual([out.note_id]);
    expect(notesOf('0-2', String(out.company_id))).toEqual([out.note_id]);
    expect(portal().records.get('0-46', String(out.note_id))!.properties.hs_note_body).toBe(
      'Ordered 3 engines',
    );
    // The log counts by route: the upsert, the search, the company and the note creates; the domain's claim is in
    // z.cache, not HubSpot, so no duplicate check follows the create.
    expect(calls().total).toBe(4);
    expect(calls().byEndpoint).toEqual({
      'POST /crm/v3/objects/:objectType/batch/upsert': 1,
      'POST /crm/v3/objects/:objectType/search': 1,
      'POST /crm/v3/objects/:objectType': 2,
    });
  });

  it('updates an existing contact, finds the existing company and associates them: 4 calls with a note', async () => {
    const before = companies();
    const out = await create('sync_customer', {
      email: 'ADA@engines.example',
      lastname: 'Lovelace',
      company_domain: 'engines.example',
      company_name: 'Another name',
      note: 'Second order',
    });
    expect(out).toMatchObject({
      contact_created: false,
      company_created: false,
      company_name: 'Analytical Engines',
    });
    expect(companies()).toBe(before);
    expect(calls().total).toBe(4);
    expect(calls().byEndpoint).toEqual({
      'POST /crm/v3/objects/:objectType/batch/upsert': 1,
      'POST /crm/v3/objects/:objectType/search': 1,
      'PUT /crm/v4/objects/:fromType/:fromId/associations/default/:toType/:toId': 1,
      'POST /crm/v3/objects/:objectType': 1,
    });
    expect(portal().records.get('0-1', out.id)!.properties).toMatchObject({
      firstname: 'Ada',
      lastname: 'Lovelace',
    });
    expect(notesOf('0-1', out.id)).toHaveLength(2);
  });

  it('associates a second contact with the existing company without a note: 3 calls', async () => {
    const out = await create('sync_customer', {
      email: 'babbage@engines.example',
      company_domain: 'engines.example',
    });
    expect(companiesOf(out.id)).toEqual([out.company_id]);
    expect(out.note_id).toBeNull();
    expect(calls().total).toBe(3);
  });

  it('syncs the contact alone without a company: 1 call, 2 with a note on the contact only', async () => {
    const alone = await create('sync_customer', { email: 'solo@example.com' });
    expect(alone).toMatchObject({ company_id: null, note_id: null, contact_created: true });
    expect(calls().total).toBe(1);
    context.t.sandbox.log.clear();
    const noted = await create('sync_customer', { email: 'solo@example.com', note: 'Hello' });
    expect(calls().total).toBe(2);
    expect(notesOf('0-1', noted.id)).toEqual([noted.note_id]);
  });

  it('refuses a domain that is not one, naming the field, before any call', async () => {
    await expect(
      create('sync_customer', { email: 'x@example.com', company_domain: 'not a domain' }),
    ).rejects.toThrow(/Company domain.*not a domain name/);
    expect(calls().total).toBe(0);
  });

  it('ends overlapping runs for a new domain with one company, every run returning it', async () => {
    const runs = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        create('sync_customer', { email: `p${i}@overlap.example`, company_domain: 'overlap.example' }),
      ),
    );
    const live = [...portal().records.table('0-2').values()].filter(
      (r) => !r.archived && r.properties.domain === 'overlap.example',
    );
    expect(live).toHaveLength(1);
    expect(new Set(runs.map((r) => r.company_id))).toEqual(new Set([live[0]!.id]));
    for (const r of runs) expect(companiesOf(r.id)).toContain(live[0]!.id);
  });

  it('finds the note HubSpot wrote when the answer is lost, so the step neither fails nor writes a second one', async () => {
    context.t.sandbox.faults.add({ method: 'POST', path: '/crm/v3/objects/notes', dropAfterHandling: true });
    const out = await create('sync_customer', { email: 'lost-note@example.com', note: 'Only once' });
    expect(notesOf('0-1', out.id)).toEqual([out.note_id]);
    expect(portal().records.get('0-46', String(out.note_id))!.properties.hs_note_body).toBe('Only once');
  });

  it("does not pass off an older note with the same body as this step's: it fails saying where to look", async () => {
    const first = await create('sync_customer', { email: 'old-note@example.com', note: 'Same text' });
    const records = portal().records;
    const old = records.get('0-46', String(first.note_id))!;
    records.put({ ...old, createdAt: old.createdAt - 3_600_000 }, old);
    // The connection drops before HubSpot writes anything: only the older note has the body.
    context.t.sandbox.faults.add({ method: 'POST', path: '/crm/v3/objects/notes', drop: true });
    await expect(
      create('sync_customer', { email: 'old-note@example.com', note: 'Same text' }),
    ).rejects.toThrow(/may have created the note.*timeline of the contact old-note@example.com/);
    expect(notesOf('0-1', String(first.id))).toEqual([first.note_id]);
  });
});
