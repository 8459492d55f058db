import type { TriggerState } from '../../make/iml/run';
import type { Json } from '../../make/model';
import { DEFAULT_LAG_MARGIN_MS } from '../../operations/polling';
import { ManualClock } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { type FaultKey, faultRules, inject, resetFaults } from './support/faults';
import { asMakeWould, keepFresh, type MakeConnection, makeOAuth } from './support/makePlatform';
import { cell } from './support/recorder';
import { secret } from './support/secrets';
import { unique } from './support/servers';
import { countLossAndDuplicates, type Item } from './support/triggerSpecs';
import { putRecord, type TYPE_ID } from './support/world';

/**
 * Every Make polling trigger under faults, through the IML runner against a sandbox on a manual clock. Make keeps a
 * trigger's state when a run fails and runs it again later (automatically after RateLimitError and ConnectionError;
 * after a refresh for InvalidAccessTokenError), so a failed run must lose nothing: its records come in the next run.
 * Make triggers make one request per page (the search); there is no follow-up read to fault.
 */

const FAULTS: FaultKey[] = [
  '429 TEN_SECONDLY_ROLLING',
  '429 DAILY (quota spent)',
  '5xx burst (502, 503, 504)',
  'dropped before processing',
  'token expiry mid-run',
];

type TypeName = keyof typeof TYPE_ID;

/** Module, its parameters, the type it watches, and a record of that type. */
const TRIGGERS: Array<[string, Json, TypeName, () => Record<string, string>]> = [
  ['newContact', {}, 'contacts', () => ({ email: `${unique('mc')}@example.com` })],
  ['newOrUpdatedContact', {}, 'contacts', () => ({ email: `${unique('mu')}@example.com` })],
  ['newCompany', {}, 'companies', () => ({ name: unique('co') })],
  ['newOrUpdatedCompany', {}, 'companies', () => ({ name: unique('co') })],
  ['newDeal', {}, 'deals', () => ({ dealname: unique('deal') })],
  ['newOrUpdatedDeal', {}, 'deals', () => ({ dealname: unique('deal') })],
  ['newTicket', {}, 'tickets', () => ({ subject: unique('tk'), hs_pipeline: '0', hs_pipeline_stage: '1' })],
  [
    'newOrUpdatedTicket',
    {},
    'tickets',
    () => ({ subject: unique('tk'), hs_pipeline: '0', hs_pipeline_stage: '1' }),
  ],
  ['newObject', { object_type: 'products' }, 'products', () => ({ name: unique('prod') })],
  ['newOrUpdatedObject', { object_type: 'companies' }, 'companies', () => ({ name: unique('co') })],
  [
    'newEngagement',
    { engagement_type: 'notes' },
    'notes',
    () => ({ hs_note_body: unique('note'), hs_timestamp: '2026-01-05T09:00:00.000Z' }),
  ],
];

let t: TestSandbox;
let clock: ManualClock;
let conn: MakeConnection;

beforeAll(async () => {
  clock = new ManualClock();
  t = await startTestSandbox({ clock, rateLimits: false });
  secret('private-app token', t.token);
  conn = await makeOAuth(t);
  conn.make.now = () => new Date(clock.now());
});
afterAll(() => t.close());
afterEach(() => resetFaults(t.sandbox));

const changeOf = (item: Item) => String(item.record_id ?? item.id);

describe.each(FAULTS)('%s', (fault) => {
  for (const [name, params, type, record] of TRIGGERS) {
    cell(fault, 'Make', `${name}: fault on the search`, async (c) => {
      await keepFresh(conn);
      // "From now on": the state starts at the current time.
      let state: TriggerState = { lastDate: new Date(clock.now()).toISOString() };
      const polls: Item[][] = [[]];
      const expected: string[] = [];
      for (let i = 0; i < 3; i++) {
        clock.advance(1_000);
        expected.push(putRecord(t, type, record()).id);
      }
      // Past the triggers' lag margin: what was written is now read.
      clock.advance(DEFAULT_LAG_MARGIN_MS + 1_000);
      inject(t.sandbox, faultRules(fault, { method: 'POST', path: `/crm/v3/objects/${type}/search` }));
      const faulted = await asMakeWould(c, conn, () => conn.make.poll(name, params, state), {
        idempotent: true,
      });
      c.check(faulted.errors.length > 0, `the ${fault} fault never reached the trigger`);
      if (faulted.result) {
        polls.push(faulted.result.emitted as Item[]);
        state = faulted.result.state;
      }
      // Make's next scheduled run.
      clock.advance(60_000);
      const next = await conn.make.poll(name, params, state);
      c.see(next.emitted);
      polls.push(next.emitted as Item[]);
      countLossAndDuplicates(c, changeOf, expected, polls);
    });
  }
});

describe('index lag', () => {
  const LAG_MS = 30_000;
  afterAll(() => {
    t.sandbox.portal.searchIndexLagMs = 0;
  });
  for (const [name, params, type, record] of TRIGGERS.filter(([n]) =>
    ['newContact', 'newObject'].includes(n),
  )) {
    cell(
      'index lag',
      'Make',
      `${name}: a record searchable ${LAG_MS / 1000} s late, then one searchable at once`,
      async (c) => {
        await keepFresh(conn);
        let state: TriggerState = { lastDate: new Date(clock.now()).toISOString() };
        const polls: Item[][] = [[]];
        clock.advance(1_000);
        t.sandbox.portal.searchIndexLagMs = LAG_MS;
        const late = putRecord(t, type, record()).id;
        t.sandbox.portal.searchIndexLagMs = 0;
        clock.advance(9_000);
        const prompt = putRecord(t, type, record()).id;
        // Runs every 15 s; the newer record must not move the state past the late one before it is searchable.
        for (let i = 0; i < 8; i++) {
          clock.advance(15_000);
          const run = await conn.make.poll(name, params, state);
          c.see(run.emitted);
          polls.push(run.emitted as Item[]);
          state = run.state;
        }
        countLossAndDuplicates(c, changeOf, [late, prompt], polls);
      },
    );
  }
});
