import { tokenFingerprint } from '../../sandbox/requestLog';
import { useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';
import { zcache } from '../support/zcacheRpc';

// z.cache honouring `nx` and `ttl`, as Zapier serves it (zapier-platform-core's own mock ignores both).
jest.mock('zapier-platform-core/src/tools/create-rpc-client', () =>
  jest
    .requireActual('../support/zcacheRpc')
    .withZcache(jest.requireActual('zapier-platform-core/src/tools/create-rpc-client')),
);

/**
 * Sync Customer's claim on a new domain (`operations/objects/domainClaim.ts`): overlapping runs and runs blind to
 * each other under search-index lag end with one company, each within 4 HubSpot calls, counted per run from the
 * sandbox's request log (each run on its own token: a teammate's connection to the same portal); and when the
 * store fails, the keep-oldest check still ends with one company.
 */
describe('Zapier sync_customer: one company per new domain in at most 4 calls a run', () => {
  const context = useZapierSandbox();
  const INDEX_LAG_MS = 1_500;
  const portal = () => context.t.sandbox.portal;
  const log = () => context.t.sandbox.log;
  const companiesOf = (contactId: string) => portal().associations.associatedIds('0-1', contactId, '0-2');
  /** Live companies holding a domain, in the sandbox's store. */
  const withDomain = (domain: string) =>
    [...portal().records.table('0-2').values()]
      .filter((r) => !r.archived && r.properties.domain === domain)
      .map((r) => r.id);
  /** The store's entry for a domain (the platform prefixes the portal). */
  const entryOf = (domain: string) =>
    zcache.value(`hubspot-bridge:portal:${portal().info.portalId}:company-domain:${domain}`);

  let connections = 0;
  /** A run on a connection of its own to the same portal; answers its output and the HubSpot calls it made. */
  async function syncOnOwnConnection(input: Record<string, unknown>) {
    const token = portal().auth.createPrivateAppToken({ token: `pat-na1-claim-${++connections}` });
    const out = (await run('creates', 'sync_customer', {
      authData: { access_token: token, hub_id: String(portal().info.portalId) },
      inputData: input,
    })) as Record<string, unknown> & { id: string };
    const mine = log()
      .all()
      .filter((e) => e.token === tokenFingerprint(token));
    return { out, calls: mine.length, endpoints: mine.map((e) => e.endpoint) };
  }
  beforeEach(() => {
    zcache.clear();
    portal().searchIndexLagMs = INDEX_LAG_MS;
  });
  afterEach(() => {
    portal().searchIndexLagMs = 0;
  });

  it('5 parallel runs for one new domain end with 1 company, each run within 4 calls, note included', async () => {
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        syncOnOwnConnection({
          email: `buyer${i}@parallel.example`,
          company_domain: 'parallel.example',
          company_name: `Parallel ${i}`,
          note: `Order ${i}`,
        }),
      ),
    );
    const kept = withDomain('parallel.example');
    expect(kept).toHaveLength(1);
    expect(runs.map((r) => r.out.company_id)).toEqual(Array(5).fill(kept[0]));
    for (const r of runs) {
      expect(r.calls).toBeLessThanOrEqual(4);
      expect(companiesOf(r.out.id)).toEqual([kept[0]]);
    }
    expect(runs.filter((r) => r.out.company_created)).toHaveLength(1);
    // No run archived a company or searched twice: the claim, not HubSpot, kept the others from creating.
    expect(log().countsByEndpoint()['DELETE /crm/v3/objects/:objectType/:objectId']).toBeUndefined();
    expect(log().countsByEndpoint()['POST /crm/v3/objects/:objectType/search']).toBe(5);
    // Every run outputs the company's name as its creator wrote it.
    const name = portal().records.get('0-2', kept[0]!)!.properties.name;
    expect(new Set(runs.map((r) => r.out.company_name))).toEqual(new Set([name]));
    expect(entryOf('parallel.example')).toEqual({
      company: { id: kept[0], domain: 'parallel.example', name },
    });
  });

  it('2 runs 1 s apart, the second blind to the first in search, end with 1 company; the second in 4 calls', async () => {
    const first = syncOnOwnConnection({
      email: 'first@apart.example',
      company_domain: 'apart.example',
      company_name: 'First',
      note: 'First order',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const second = await syncOnOwnConnection({
      email: 'second@apart.example',
      company_domain: 'apart.example',
      company_name: 'Second',
      note: 'Second order',
    });
    const kept = withDomain('apart.example');
    expect(kept).toHaveLength(1);
    expect([(await first).out.company_id, second.out.company_id]).toEqual([kept[0], kept[0]]);
    expect(second.out).toMatchObject({ company_created: false, company_name: 'First' });
    // Search missed the first company (lag), the store had it: upsert, search, association, note.
    expect(second.endpoints.sort()).toEqual(
      [
        'POST /crm/v3/objects/:objectType/batch/upsert',
        'POST /crm/v3/objects/:objectType/search',
        'PUT /crm/v4/objects/:fromType/:fromId/associations/default/:toType/:toId',
        'POST /crm/v3/objects/:objectType',
      ].sort(),
    );
    expect((await first).calls).toBe(4);
  });

  it('falls back to the keep-oldest check when the store fails: 3 parallel runs still end with 1 company', async () => {
    zcache.failWith(new Error('zcache unreachable'));
    const runs = await Promise.all(
      [1, 2, 3].map((i) =>
        syncOnOwnConnection({ email: `f${i}@failing.example`, company_domain: 'failing.example' }),
      ),
    );
    const kept = withDomain('failing.example');
    expect(kept).toHaveLength(1);
    expect(runs.map((r) => r.out.company_id)).toEqual(Array(3).fill(kept[0]));
    // Each run created and then searched again until search showed the companies (the duplicate check).
    for (const r of runs) {
      expect(
        r.endpoints.filter((e) => e === 'POST /crm/v3/objects/:objectType/search').length,
      ).toBeGreaterThan(1);
    }
  });

  it('takes an answer other than true or false from a set-if-absent as a failure, not as a claim', async () => {
    zcache.answer(null);
    const runs = await Promise.all(
      [1, 2].map((i) => syncOnOwnConnection({ email: `n${i}@null.example`, company_domain: 'null.example' })),
    );
    expect(withDomain('null.example')).toHaveLength(1);
    expect(new Set(runs.map((r) => r.out.company_id)).size).toBe(1);
  });

  it('forgets a recorded company HubSpot no longer has, and creates a new one with the check', async () => {
    const gone = await syncOnOwnConnection({ email: 'a@gone.example', company_domain: 'gone.example' });
    const record = portal().records.get('0-2', String(gone.out.company_id))!;
    portal().records.put({ ...record, archived: true }, record);
    const next = await syncOnOwnConnection({ email: 'b@gone.example', company_domain: 'gone.example' });
    const kept = withDomain('gone.example');
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toBe(gone.out.company_id);
    expect(next.out).toMatchObject({ company_id: kept[0], company_created: true });
    expect(companiesOf(next.out.id)).toEqual([kept[0]]);
    expect(entryOf('gone.example')).toBeUndefined();
  });

  it("lets the others check for duplicates at once when the claiming run's create answer is lost", async () => {
    // HubSpot writes the company, then the connection drops: the claiming run fails, saying it may have created it.
    context.t.sandbox.faults.add({
      method: 'POST',
      pathPattern: '^/crm/v3/objects/companies$',
      dropAfterHandling: true,
    });
    await expect(
      syncOnOwnConnection({ email: 'a@lost.example', company_domain: 'lost.example' }),
    ).rejects.toThrow(/may have created the company/);
    expect(entryOf('lost.example')).toEqual({ unsure: true });
    const next = await syncOnOwnConnection({ email: 'b@lost.example', company_domain: 'lost.example' });
    const kept = withDomain('lost.example');
    expect(kept).toHaveLength(1);
    expect(next.out).toMatchObject({ company_id: kept[0], company_created: false });
  });
});
