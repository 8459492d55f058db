import { forgetPortalThrottle } from '../../hubspot/throttle';
import type { Portal } from '../../sandbox/portal';
import { startTestSandbox, type TestSandbox } from './sandbox';
import { run, useBaseUrl } from './zapier';

export type TriggerItem = Record<string, unknown>;

/**
 * A sandbox for polling-trigger tests of one file: the app pointed at it, no search-lag margin (records are
 * pollable at once), and polls run the way Zapier runs them for a Zap (`meta.zap.id`, state in `z.cache`).
 */
export function usePollingSandbox() {
  let t: TestSandbox;
  let authData: Record<string, string>;
  beforeAll(async () => {
    process.env.HUBSPOT_POLL_LAG_MARGIN_MS = '0';
    t = await startTestSandbox();
    useBaseUrl(t.url);
    authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
  });
  afterAll(async () => {
    delete process.env.HUBSPOT_POLL_LAG_MARGIN_MS;
    await t.close();
  });
  const harness = {
    sandbox: () => t,
    portal: (): Portal => t.sandbox.portal,
    /** One poll of a Zap's trigger. */
    poll: (key: string, zap: string, inputData: Record<string, unknown> = {}) =>
      run('triggers', key, { authData, inputData, meta: { zap: { id: zap } } }) as Promise<TriggerItem[]>,
    /** Polls are minutes apart in real life: here the next one must not wait out HubSpot's limits or our pacing. */
    minutesLater: () => {
      t.sandbox.portal.limits.reset();
      forgetPortalThrottle(String(t.sandbox.portal.info.portalId));
    },
    /** Polls, minutes apart, until one comes back empty; answers every poll's items. */
    drain: async (key: string, zap: string, inputData: Record<string, unknown> = {}, maxPolls = 20) => {
      const polls: TriggerItem[][] = [];
      for (;;) {
        harness.minutesLater();
        const items = await harness.poll(key, zap, inputData);
        if (items.length === 0) return polls;
        polls.push(items);
        if (polls.length > maxPolls) throw new Error(`${key} never went idle`);
      }
    },
  };
  return harness;
}
