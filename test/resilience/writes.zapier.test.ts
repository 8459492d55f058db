import type { TestSandbox } from '../support/sandbox';
import {
  FAULT_KEYS,
  type FaultKey,
  faultRules,
  inject,
  REQUEST_TIMEOUT_MS,
  resetFaults,
  STALL_MS,
} from './support/faults';
import { logCell } from './support/logCell';
import { type Cell, cell } from './support/recorder';
import type { captureConsole } from './support/secrets';
import { type RecordingServer, sleep, startRecordingServer, unique } from './support/servers';
import { logged } from './support/world';
import { type Reported, WRITE_OPS, type WriteOp } from './support/writeOps';
import { type AuthData, asZapierWould, delayOf, type ZapierOutcome } from './support/zapierPlatform';
import { closeZapierWorld, openZapierWorld } from './support/zapierWorld';

/**
 * The Zapier app's writes and reads under every fault, through `createAppTester` against the sandbox: create,
 * update, upsert, find, batch upsert and file upload, each run again the way Zapier (or its user) would after the
 * error it threw. Nothing may be lost (a write reported done that did not happen), nothing duplicated (a replay
 * writing a second record), no secret shown. The cells of one fault run side by side: each fault hits only its
 * operation's own request.
 */

const FAULTS: readonly FaultKey[] = FAULT_KEYS;

let t: TestSandbox;
let authData: AuthData;
let fileHost: RecordingServer;
let logs: ReturnType<typeof captureConsole>;

beforeAll(async () => {
  ({ t, authData, logs } = await openZapierWorld());
  fileHost = await startRecordingServer(Buffer.from('%PDF-1.4 resilience'));
  // One clean run of each operation first: property definitions are then in Zapier's cache, so each faulted run
  // sends exactly the requests its fault is aimed at.
  for (const op of WRITE_OPS) await op.zapier(authData, op.prepare(t, unique('warm')), env());
});
afterAll(async () => {
  await fileHost.close();
  await closeZapierWorld({ t, logs });
});

const env = () => ({ fileUrl: `${fileHost.url}/files/${unique('doc')}.pdf` });

describe.each(FAULTS)('%s', (fault) => {
  beforeAll(() => {
    if (fault === 'latency past the timeout')
      process.env.HUBSPOT_REQUEST_TIMEOUT_MS = String(REQUEST_TIMEOUT_MS);
  });
  afterAll(() => {
    delete process.env.HUBSPOT_REQUEST_TIMEOUT_MS;
    resetFaults(t.sandbox);
  });

  for (const op of WRITE_OPS) {
    cell(
      fault,
      'Zapier',
      op.name,
      async (c) => {
        const p = op.prepare(t, unique('w'));
        const target = op.target(p);
        inject(t.sandbox, faultRules(fault, target));
        const started = Date.now();
        const outcome = await asZapierWould(c, (a) => op.zapier(a, p, env()), authData);
        // A stalled request is still handled by HubSpot after the client gave up: count once it has been.
        if (fault === 'latency past the timeout') await sleep(started + STALL_MS + 300 - Date.now());
        op.judge(c, t, p, outcome.result);
        checkFault(c, fault, op, outcome, logged(t, target.path));
      },
      { concurrent: true },
    );
  }
});

/** What each fault must also show besides no loss and no duplicate: that it fired, and how it was handled. */
function checkFault(
  c: Cell,
  fault: FaultKey,
  op: WriteOp,
  outcome: ZapierOutcome<unknown>,
  requests: ReturnType<typeof logged>,
): void {
  const statuses = requests.map((r) => r.status);
  const fired = (status: number) => c.check(statuses.includes(status), `the ${status} fault never fired`);
  switch (fault) {
    case '429 TEN_SECONDLY_ROLLING':
    case '429 DAILY (quota spent)':
      fired(429);
      break;
    case '429 SECONDLY':
      fired(429);
      // HubSpot's secondly window frees within a second; waiting out the 10-second burst window is not needed.
      c.check(outcome.ms < 5_000, `a SECONDLY 429 held the step ${outcome.ms} ms (policy wait is ~1 s)`);
      break;
    case '423 Locked':
      fired(423);
      for (const e of outcome.errors.filter((x) => x.name === 'ThrottledError'))
        c.check(
          (delayOf(e) ?? 0) >= 2,
          `a 423 became ThrottledError with delay ${delayOf(e)} (locks last 2 s)`,
        );
      break;
    case '5xx burst (502, 503, 504)':
      fired(502);
      break;
    case 'dropped before processing':
      c.check(
        requests.some((r) => r.endpoint === 'fault:drop'),
        'the dropped connection never happened',
      );
      break;
    case 'dropped after processing':
      c.check(requests.length >= 2 || outcome.errors.length > 0, 'the lost answer went unnoticed');
      break;
    case 'latency past the timeout':
      c.check(
        outcome.ms < STALL_MS - 500,
        `a request stalled ${STALL_MS} ms held the step ${outcome.ms} ms (timeout ${REQUEST_TIMEOUT_MS} ms not applied)`,
      );
      break;
    case 'token expiry mid-run':
      fired(401);
      c.check(outcome.replays.includes('refreshed and replayed'), 'no token refresh followed the 401');
      break;
  }
  // Every upsert of the matrix writes a new e-mail: whatever was retried, the step created the contact.
  const reported = outcome.result as Reported | undefined;
  if (reported?.isNew !== undefined)
    c.check(reported.isNew === true, 'the upsert created the contact but answered is_new: false');
  if (!op.idempotent && outcome.error)
    c.check(!/^Try again/i.test(outcome.error.message), 'a failed create ended with a bare "Try again"');
}

cell('host escapes', 'Zapier', 'file downloads carry no HubSpot token to the file host', async (c) => {
  c.check(fileHost.requests.length > 0, 'no file was downloaded');
  c.see(...fileHost.requests.map((r) => JSON.stringify(r.headers)));
  c.escapes += fileHost.requests.filter((r) => r.headers.authorization).length;
});

logCell('the Zapier write matrix', () => logs);
