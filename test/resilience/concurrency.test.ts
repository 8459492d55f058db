import type { TestSandbox } from '../support/sandbox';
import { logCell } from './support/logCell';
import { type MakeConnection, makeOAuth } from './support/makePlatform';
import { type Cell, cell } from './support/recorder';
import type { captureConsole } from './support/secrets';
import { sleep, unique } from './support/servers';
import { type Item, lossAndDuplicates } from './support/triggerSpecs';
import { putRecord, withProperty } from './support/world';
import { type AuthData, create, messageOf, poll, search } from './support/zapierPlatform';
import { closeZapierWorld, openZapierWorld } from './support/zapierWorld';

// z.cache honouring `nx` and `ttl`, as Zapier serves it: Find or Create Company claims a new domain through it
// (operations/objects/claimedCreate.ts). zapier-platform-core's own mock answers every set-if-absent true, so under
// it every overlapping run would claim the domain and create a company.
jest.mock('zapier-platform-core/src/tools/create-rpc-client', () =>
  jest
    .requireActual('../support/zcacheRpc')
    .withZcache(jest.requireActual('zapier-platform-core/src/tools/create-rpc-client')),
);

/**
 * Concurrency: parallel create-or-update on one e-mail, parallel and index-lagged find-or-create (Zapier's
 * search-or-create: the search step, then the create step when it found nothing), and parallel polls of one Zap.
 * One intended record must end as exactly one record.
 */

let t: TestSandbox;
let authData: AuthData;
let conn: MakeConnection;
let logs: ReturnType<typeof captureConsole>;

beforeAll(async () => {
  ({ t, authData, logs } = await openZapierWorld());
  conn = await makeOAuth(t);
});
afterAll(() => closeZapierWorld({ t, logs }));

const PARALLEL = 5;

/** Runs the steps side by side; every run must end with a result or a clear error, and all are shown. */
async function together(c: Cell, runs: Array<() => Promise<unknown>>): Promise<unknown[]> {
  const settled = await Promise.allSettled(runs.map((r) => r()));
  for (const s of settled) c.see(s.status === 'fulfilled' ? s.value : s.reason);
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}

/** Zapier's Find or Create: the search step, and the create step (told it follows a search) when nothing matched. */
async function findOrCreate(
  searchKey: string,
  createKey: string,
  searchInput: Record<string, unknown>,
  createInput: Record<string, unknown>,
) {
  const found = await search(searchKey, authData, searchInput);
  if (found.length > 0) return found[0];
  return create(createKey, authData, createInput, { withSearch: true });
}

cell('concurrency', 'Zapier', `${PARALLEL} parallel create-or-update contact on one e-mail`, async (c) => {
  const email = `${unique('par')}@example.com`;
  const done = await together(
    c,
    Array.from(
      { length: PARALLEL },
      (_, i) => () =>
        create('create_or_update_contact', authData, { id_property: 'email', email, firstname: `Run ${i}` }),
    ),
  );
  const n = withProperty(t, 'contacts', 'email', email).length;
  c.duplicated += Math.max(0, n - 1);
  if (done.length > 0 && n === 0) c.lost++;
  c.check(done.length === PARALLEL, `${PARALLEL - done.length} of ${PARALLEL} runs failed`);
});

cell('concurrency', 'Make', `${PARALLEL} parallel create-or-update contact on one e-mail`, async (c) => {
  const email = `${unique('par')}@example.com`;
  const done = await together(
    c,
    Array.from(
      { length: PARALLEL },
      (_, i) => () =>
        conn.make.action('createOrUpdateContact', { id_property: 'email', email, firstname: `Run ${i}` }),
    ),
  );
  const n = withProperty(t, 'contacts', 'email', email).length;
  c.duplicated += Math.max(0, n - 1);
  if (done.length > 0 && n === 0) c.lost++;
  c.check(done.length === PARALLEL, `${PARALLEL - done.length} of ${PARALLEL} runs failed`);
});

cell('concurrency', 'Zapier', `${PARALLEL} parallel find-or-create company by domain`, async (c) => {
  const domain = `${unique('par')}.example.com`;
  const done = await together(
    c,
    Array.from(
      { length: PARALLEL },
      (_, i) => () =>
        findOrCreate(
          'find_company',
          'create_company',
          { search_property: 'domain', search_value: domain },
          { name: `Parallel ${i}`, domain },
        ),
    ),
  );
  const companies = withProperty(t, 'companies', 'domain', domain);
  c.duplicated += Math.max(0, companies.length - 1);
  if (done.length > 0 && companies.length === 0) c.lost++;
  const ids = new Set(done.map((r) => String((r as { id: unknown }).id)));
  c.check(ids.size <= 1, `the runs answered ${ids.size} different companies`);
});

cell('concurrency', 'Zapier', `${PARALLEL} parallel find-or-create contact by e-mail`, async (c) => {
  const email = `${unique('par')}@example.com`;
  await together(
    c,
    Array.from(
      { length: PARALLEL },
      (_, i) => () =>
        findOrCreate(
          'find_contact',
          'create_contact',
          { search_property: 'email', search_value: email },
          { email, firstname: `Parallel ${i}` },
        ),
    ),
  );
  c.duplicated += Math.max(0, withProperty(t, 'contacts', 'email', email).length - 1);
});

describe('index lag', () => {
  const LAG_MS = 3_000;
  beforeAll(() => {
    t.sandbox.portal.searchIndexLagMs = LAG_MS;
  });
  afterAll(() => {
    t.sandbox.portal.searchIndexLagMs = 0;
  });

  cell('index lag', 'Zapier', 'find-or-create company by domain, two runs 1 s apart', async (c) => {
    const domain = `${unique('lag')}.example.com`;
    for (const name of ['First run', 'Second run']) {
      try {
        c.see(
          await findOrCreate(
            'find_company',
            'create_company',
            { search_property: 'domain', search_value: domain },
            { name, domain },
          ),
        );
      } catch (error) {
        c.see(error);
        c.check(false, `a run failed: ${messageOf(error)}`);
      }
      await sleep(1_000);
    }
    c.duplicated += Math.max(0, withProperty(t, 'companies', 'domain', domain).length - 1);
  });

  cell('index lag', 'Zapier', 'find-or-create contact by e-mail, two runs 1 s apart', async (c) => {
    const email = `${unique('lag')}@example.com`;
    for (const firstname of ['First', 'Second']) {
      c.see(
        await findOrCreate(
          'find_contact',
          'create_contact',
          { search_property: 'email', search_value: email },
          { email, firstname },
        ),
      );
      await sleep(1_000);
    }
    c.duplicated += Math.max(0, withProperty(t, 'contacts', 'email', email).length - 1);
  });
});

cell(
  'concurrency',
  'Zapier',
  '3 parallel polls of one Zap, then a clean poll (loss counted; Zapier dedupes repeats)',
  async (c) => {
    const zap = unique('zap-par');
    c.see(await poll('new_contact', zap, authData));
    await sleep(5);
    const expected = Array.from(
      { length: 5 },
      () => putRecord(t, 'contacts', { email: `${unique('pp')}@example.com` }).id,
    );
    await sleep(5);
    const parallel = (await together(
      c,
      Array.from({ length: 3 }, () => () => poll('new_contact', zap, authData)),
    )) as Item[][];
    c.check(parallel.length === 3, 'a parallel poll failed');
    await sleep(5);
    const clean = await poll('new_contact', zap, authData);
    c.see(clean);
    // Loss only: two polls of one Zap running at once may both emit a record, and Zapier dedupes it.
    c.lost += lossAndDuplicates((i) => String(i.id), expected, [[], ...parallel, clean]).lost;
  },
);

logCell('the concurrency cells', () => logs);
