import type { SandboxOptions } from '../../../sandbox';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { useBaseUrl } from '../../support/zapier';
import { captureConsole, secret } from './secrets';
import { type AuthData, oauthApp, oauthAuthData } from './zapierPlatform';

export interface ZapierWorld {
  t: TestSandbox;
  /** An OAuth connection (Zapier refreshes it on a 401). */
  authData: AuthData;
  logs: ReturnType<typeof captureConsole>;
}

/**
 * What a Zapier file of the suite starts with: console captured for the secret search, a sandbox (HubSpot's rate
 * limits off unless asked: faults are injected, not drawn), the app pointed at it, an OAuth app and connection with
 * fake secrets, and polls without a lag margin.
 */
export async function openZapierWorld(options: SandboxOptions = {}): Promise<ZapierWorld> {
  const logs = captureConsole();
  process.env.HUBSPOT_POLL_LAG_MARGIN_MS = '0';
  const t = await startTestSandbox({ rateLimits: false, ...options });
  secret('private-app token', t.token);
  useBaseUrl(t.url);
  oauthApp(t);
  return { t, authData: oauthAuthData(t), logs };
}

export async function closeZapierWorld({ t, logs }: Pick<ZapierWorld, 't' | 'logs'>): Promise<void> {
  logs.restore();
  delete process.env.HUBSPOT_POLL_LAG_MARGIN_MS;
  delete process.env.HUBSPOT_CLIENT_ID;
  delete process.env.HUBSPOT_CLIENT_SECRET;
  await t.close();
}
