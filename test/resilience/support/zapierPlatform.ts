import { ALL_SCOPES } from '../../../hubspot/scopes';
import type { TestSandbox } from '../../support/sandbox';
import { appTester, run, testApp } from '../../support/zapier';
import type { Cell } from './recorder';
import { fakeSecret, secret } from './secrets';

/**
 * The Zapier platform as the resilience suite needs it: an OAuth connection with obviously fake secrets, and a step
 * run the way Zapier runs it again after each error class. After `RefreshAuthError` Zapier refreshes the token and
 * replays the step; after `ThrottledError` it replays later; `HaltedError` and `ExpiredAuthError` stop (the user
 * fixes the input or reconnects); after any other error a user may replay the run once from the Zap history, unless
 * the message warned that the record may already exist.
 * https://github.com/zapier/zapier-platform/blob/main/packages/core/README.md#error-handling
 */

export type AuthData = Record<string, string>;

/** An OAuth app registered in the sandbox with fake credentials, and the env the Zapier app reads them from. */
export function oauthApp(t: TestSandbox): { clientId: string; clientSecret: string } {
  const clientId = `fake-client-id-resilience-${Math.random().toString(36).slice(2, 10)}`;
  const clientSecret = secret('OAuth client secret', fakeSecret('client-secret'));
  t.sandbox.portal.auth.registerOAuthApp({ clientId, clientSecret });
  process.env.HUBSPOT_CLIENT_ID = clientId;
  process.env.HUBSPOT_CLIENT_SECRET = clientSecret;
  t.sandbox.portal.auth.developerApiKey = secret('developer API key', fakeSecret('developer-api-key'));
  return { clientId, clientSecret };
}

/** A Zapier connection's authData, as `getAccessToken` stores it (tokens issued by the sandbox). */
export function oauthAuthData(t: TestSandbox): AuthData {
  const app = t.sandbox.portal.auth.findOAuthApp(process.env.HUBSPOT_CLIENT_ID ?? '')!;
  const tokens = t.sandbox.portal.auth.issueOAuthTokens(app, [...ALL_SCOPES]);
  return {
    access_token: secret('OAuth access token', tokens.accessToken),
    refresh_token: secret('OAuth refresh token', tokens.refreshToken),
    hub_id: String(t.sandbox.portal.info.portalId),
  };
}

/** Zapier's refresh: `refreshAccessToken`, then the new tokens merged into authData. */
export async function refresh(authData: AuthData): Promise<AuthData> {
  const auth = testApp.authentication as unknown as { oauth2Config: { refreshAccessToken: unknown } };
  const fresh = (await appTester(
    auth.oauth2Config.refreshAccessToken as never,
    { authData } as never,
  )) as AuthData;
  if (fresh.access_token) secret('OAuth access token (refreshed)', fresh.access_token);
  return { ...authData, ...fresh };
}

/** The words a message must carry for a user NOT to replay a failed create (the record may exist already). */
export const MAY_EXIST =
  /\b(may|might)\b[^.]*\b(exist|been (created|saved|written|applied|made)|have (created|saved|written|applied|made|uploaded))/i;

/** The human message of a Zapier error (`z.errors.Error` and `ThrottledError` serialise JSON into `message`). */
export function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(raw) as { message?: unknown };
    if (typeof parsed?.message === 'string') return parsed.message;
  } catch {
    // a plain message
  }
  return raw;
}

/** `ThrottledError`'s delay in seconds (null when Zapier is told none). */
export function delayOf(error: unknown): number | null {
  try {
    const parsed = JSON.parse((error as Error).message) as { delay?: unknown };
    return typeof parsed.delay === 'number' ? parsed.delay : null;
  } catch {
    return null;
  }
}

export interface ZapierOutcome<T> {
  result?: T;
  /** The last error, when the run ended failed. */
  error?: Error;
  errors: Error[];
  /** What Zapier or the user did after each error: refresh, replay later, user replay. */
  replays: string[];
  authData: AuthData;
  ms: number;
}

/**
 * Runs a step, then runs it again as Zapier (or the user) would after each error, at most 4 attempts. Every error
 * and result goes to the cell, to be searched for secrets.
 */
export async function asZapierWould<T>(
  c: Cell,
  step: (authData: AuthData) => Promise<T>,
  authData: AuthData,
): Promise<ZapierOutcome<T>> {
  const started = Date.now();
  const outcome: ZapierOutcome<T> = { errors: [], replays: [], authData, ms: 0 };
  let userReplayed = false;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      outcome.result = await step(outcome.authData);
      outcome.error = undefined;
      c.see(outcome.result);
      break;
    } catch (error) {
      const e = error as Error;
      outcome.errors.push(e);
      outcome.error = e;
      c.see(e);
      if (e.name === 'RefreshAuthError') {
        outcome.authData = await refresh(outcome.authData);
        outcome.replays.push('refreshed and replayed');
      } else if (e.name === 'ThrottledError') {
        outcome.replays.push(`replayed after ThrottledError (delay ${delayOf(e)})`);
      } else if (e.name === 'HaltedError' || e.name === 'ExpiredAuthError') {
        break;
      } else if (!userReplayed && !MAY_EXIST.test(messageOf(e))) {
        userReplayed = true;
        outcome.replays.push('user replayed');
      } else break;
    }
  }
  outcome.ms = Date.now() - started;
  return outcome;
}

/** Runs one poll of a trigger for a Zap. */
export const poll = (key: string, zap: string, authData: AuthData, inputData: Record<string, unknown> = {}) =>
  run('triggers', key, { authData, inputData, meta: { zap: { id: zap } } }) as Promise<
    Array<Record<string, unknown>>
  >;

export const create = (key: string, authData: AuthData, inputData: Record<string, unknown>, meta = {}) =>
  run('creates', key, { authData, inputData, meta }) as Promise<Record<string, unknown>>;

export const search = (key: string, authData: AuthData, inputData: Record<string, unknown>) =>
  run('searches', key, { authData, inputData }) as Promise<Array<Record<string, unknown>>>;

/** Zapier's buffered create: `performBuffer` with the runs of the buffer. */
export function performBuffer(
  key: string,
  authData: AuthData,
  runs: Array<{ id: string; inputData: Record<string, unknown> }>,
) {
  const op = (testApp.creates as Record<string, { operation: { performBuffer: unknown } }>)[key]!;
  return appTester(
    op.operation.performBuffer as never,
    { authData, buffer: runs.map((r) => ({ inputData: r.inputData, meta: { id: r.id } })) } as never,
  ) as Promise<Record<string, { outputData?: Record<string, unknown>; error?: string }>>;
}
