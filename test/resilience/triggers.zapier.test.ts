import type { LogEntry } from '../../sandbox/requestLog';
import type { TestSandbox } from '../support/sandbox';
import { type FaultKey, faultRules, inject, resetFaults, type Target } from './support/faults';
import { logCell } from './support/logCell';
import { type Cell, cell } from './support/recorder';
import type { captureConsole } from './support/secrets';
import { sleep, unique } from './support/servers';
import { countLossAndDuplicates, type Item, TRIGGER_GROUPS, type TriggerSpec } from './support/triggerSpecs';
import { type AuthData, poll, refresh } from './support/zapierPlatform';
import { closeZapierWorld, openZapierWorld } from './support/zapierWorld';

/**
 * Every kind of Zapier polling trigger under faults that hit its search AND the follow-up read a poll makes after
 * it (associations, property history, list members' records, a later form, pipelines). A poll that fails is thrown
 * away by Zapier, so the Zap's state must not move: the changes it would have emitted must come in a later poll.
 * After `RefreshAuthError` Zapier refreshes and polls again at once. "Lost": a change never emitted by the faulted
 * poll or the clean poll after it; "duplicated": one item id emitted by two polls (Zapier would dedupe it).
 */

/** A poll that fails outright (quota, expired token) and polls that recover inside (retried 5xx, 429, drop). */
const FAULTS_ON: Record<'search' | 'followUp', FaultKey[]> = {
  search: ['429 DAILY (quota spent)', '429 SECONDLY', '5xx burst (502, 503, 504)', 'token expiry mid-run'],
  followUp: ['429 DAILY (quota spent)', 'dropped before processing', 'token expiry mid-run'],
};

let t: TestSandbox;
let authData: AuthData;
let logs: ReturnType<typeof captureConsole>;

beforeAll(async () => {
  ({ t, authData, logs } = await openZapierWorld());
});
afterAll(() => closeZapierWorld({ t, logs }));

/** Lets the millisecond clock move on, so a poll's closed window ends after the writes before it. */
const tick = () => sleep(5);

/** One poll as Zapier runs it: a RefreshAuthError is followed by a refresh and the same poll again. */
async function zapierPoll(c: Cell, spec: TriggerSpec, zap: string, input: Record<string, unknown>) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const items = await poll(spec.key, zap, authData, input);
      c.see(items);
      return { items };
    } catch (error) {
      c.see(error);
      if ((error as Error).name !== 'RefreshAuthError' || attempt > 0) return { error: error as Error };
      authData = await refresh(authData);
    }
  }
  return {};
}

/** The whole cell: first poll, changes, the faulted poll, a clean poll; then loss and duplicates counted. */
async function faultedPolls(c: Cell, spec: TriggerSpec, fault: FaultKey, aim: 'search' | 'followUp') {
  const zap = unique(`zap-${spec.key}`);
  const logFrom = t.sandbox.log.all().length;
  const setup = await spec.setup(t);
  await tick();
  const polls: Item[][] = [(await zapierPoll(c, spec, zap, setup.input)).items ?? []];
  await tick();
  const expected = spec.produce(t, setup);
  await tick();
  const target: Target = aim === 'search' ? spec.search(setup) : spec.followUp(setup);
  inject(t.sandbox, faultRules(fault, target));
  const faulted = await zapierPoll(c, spec, zap, setup.input);
  if (faulted.items) polls.push(faulted.items);
  await tick();
  polls.push((await zapierPoll(c, spec, zap, setup.input)).items ?? []);
  countLossAndDuplicates(c, spec.changeOf, expected, polls);
  checkFired(
    c,
    fault,
    t.sandbox.log
      .all()
      .slice(logFrom)
      .filter((e) => e.path === target.path),
  );
}

function checkFired(c: Cell, fault: FaultKey, requests: LogEntry[]) {
  const expect = {
    '429 DAILY (quota spent)': (r: LogEntry) => r.status === 429,
    '429 SECONDLY': (r: LogEntry) => r.status === 429,
    '5xx burst (502, 503, 504)': (r: LogEntry) => r.status === 502,
    'dropped before processing': (r: LogEntry) => r.endpoint === 'fault:drop',
    'token expiry mid-run': (r: LogEntry) => r.status === 401,
  } as Partial<Record<FaultKey, (r: LogEntry) => boolean>>;
  const fired = expect[fault];
  if (fired) c.check(requests.some(fired), `the ${fault} fault never reached the poll`);
}

TRIGGER_GROUPS.forEach((group, n) => {
  describe(`trigger group ${n + 1}`, () => {
    for (const aim of ['search', 'followUp'] as const) {
      describe.each(FAULTS_ON[aim])(
        `%s on the ${aim === 'search' ? 'search' : 'follow-up read'}`,
        (fault) => {
          afterAll(() => resetFaults(t.sandbox));
          for (const spec of group) {
            cell(
              fault,
              'Zapier',
              `${spec.key}: fault on the ${aim === 'search' ? 'search' : 'follow-up read'}`,
              (c) => faultedPolls(c, spec, fault, aim),
              { concurrent: true },
            );
          }
        },
      );
    }
  });
});

describe('index lag', () => {
  const LAG_MS = 800;
  beforeAll(() => {
    t.sandbox.portal.searchIndexLagMs = LAG_MS;
    process.env.HUBSPOT_POLL_LAG_MARGIN_MS = String(LAG_MS + 500);
  });
  afterAll(() => {
    t.sandbox.portal.searchIndexLagMs = 0;
    process.env.HUBSPOT_POLL_LAG_MARGIN_MS = '0';
  });
  const lagged = TRIGGER_GROUPS.flat().filter((s) =>
    ['new_contact', 'new_object', 'new_engagement', 'new_or_updated_object'].includes(s.key),
  );
  for (const spec of lagged) {
    cell(
      'index lag',
      'Zapier',
      `${spec.key}: records searchable ${LAG_MS} ms after their write`,
      async (c) => {
        const zap = unique(`zap-lag-${spec.key}`);
        const setup = await spec.setup(t);
        const polls: Item[][] = [(await zapierPoll(c, spec, zap, setup.input)).items ?? []];
        await tick();
        const expected = spec.produce(t, setup);
        // Polls while the records are not searchable yet, then once the lag margin has passed.
        polls.push((await zapierPoll(c, spec, zap, setup.input)).items ?? []);
        await sleep(LAG_MS / 2);
        polls.push((await zapierPoll(c, spec, zap, setup.input)).items ?? []);
        await sleep(LAG_MS + 600);
        polls.push((await zapierPoll(c, spec, zap, setup.input)).items ?? []);
        countLossAndDuplicates(c, spec.changeOf, expected, polls);
      },
      { concurrent: true },
    );
  }
});

logCell('the Zapier trigger matrix', () => logs);
