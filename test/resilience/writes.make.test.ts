import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { FAULT_KEYS, type FaultKey, faultRules, inject, resetFaults } from './support/faults';
import { asMakeWould, type MakeConnection, makeOAuth } from './support/makePlatform';
import { cell } from './support/recorder';
import { secret } from './support/secrets';
import { unique } from './support/servers';
import { logged } from './support/world';
import { WRITE_OPS } from './support/writeOps';

/**
 * The Make modules' writes and reads under every fault, through the IML runner (the generated make-app/) against
 * the sandbox, each run again as Make would after the error type it raised. Latency past a timeout is not in this
 * matrix: on Make the engine's own request timeout applies, not one of the app's.
 */

// Latency past a timeout is left out: on Make the engine's own request timeout applies (above).
const FAULTS = FAULT_KEYS.filter((f) => f !== 'latency past the timeout');

/** The Make error type each fault must surface as (the table in hubspot/errors.ts, rendered into the Base). */
const MAKE_TYPE: Record<FaultKey, string> = {
  '429 TEN_SECONDLY_ROLLING': 'RateLimitError',
  '429 SECONDLY': 'RateLimitError',
  '429 DAILY (quota spent)': 'RateLimitError',
  // A lock is a wait, not a broken connection: the table sends Make's RateLimitError, which Make retries later.
  '423 Locked': 'RateLimitError',
  '5xx burst (502, 503, 504)': 'ConnectionError',
  'dropped before processing': 'ConnectionError',
  'dropped after processing': 'ConnectionError',
  'latency past the timeout': 'ConnectionError',
  'token expiry mid-run': 'InvalidAccessTokenError',
};

let t: TestSandbox;
let conn: MakeConnection;

beforeAll(async () => {
  t = await startTestSandbox({ rateLimits: false });
  secret('private-app token', t.token);
  conn = await makeOAuth(t);
});
afterAll(() => t.close());
afterEach(() => resetFaults(t.sandbox));

describe.each(FAULTS)('%s', (fault) => {
  for (const op of WRITE_OPS) {
    cell(fault, 'Make', op.name, async (c) => {
      const p = op.prepare(t, unique('m'));
      const target = (op.makeTarget ?? op.target)(p);
      inject(t.sandbox, faultRules(fault, target));
      const outcome = await asMakeWould(c, conn, () => op.make(conn.make, p), { idempotent: op.idempotent });
      op.judge(c, t, p, outcome.result);
      const first = outcome.errors[0];
      c.check(first !== undefined, `the ${fault} fault never reached the module`);
      c.check(
        first === undefined || first.type === MAKE_TYPE[fault],
        `Make was told ${first?.type}, not ${MAKE_TYPE[fault]}`,
      );
      c.check(logged(t, target.path).length > 0, 'the module never sent its request');
    });
  }
});
