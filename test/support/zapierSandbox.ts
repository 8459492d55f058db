import { startTestSandbox, type TestSandbox } from './sandbox';
import { useBaseUrl } from './zapier';

export interface ZapierSandbox {
  t: TestSandbox;
  authData: Record<string, string>;
}

/**
 * A sandbox the Zapier app talks to for one test file: polls read up to "now" (no index-lag margin), the request log
 * and rate limits start clean for every test. Read `t` and `authData` inside tests.
 */
export function useZapierSandbox(): ZapierSandbox {
  const context = {} as ZapierSandbox;
  beforeAll(async () => {
    process.env.HUBSPOT_POLL_LAG_MARGIN_MS = '0';
    context.t = await startTestSandbox();
    useBaseUrl(context.t.url);
    context.authData = {
      access_token: context.t.token,
      hub_id: String(context.t.sandbox.portal.info.portalId),
    };
  });
  afterAll(async () => {
    delete process.env.HUBSPOT_POLL_LAG_MARGIN_MS;
    await context.t.close();
  });
  beforeEach(() => {
    context.t.sandbox.log.clear();
    context.t.sandbox.portal.limits.reset();
  });
  return context;
}
