import { type Json, MakeError } from '../../../make/iml/run';
import { MakeRunner } from '../../support/make';
import type { TestSandbox } from '../../support/sandbox';
import type { Cell } from './recorder';
import { secret } from './secrets';
import { oauthApp } from './zapierPlatform';

/**
 * The Make platform as the resilience suite needs it: an OAuth connection made through the app's own connection
 * (fake client secret), and a module run again the way Make runs it again. Make retries a module that ended in
 * `RateLimitError` (the request was refused, never processed) and, with a Break error handler, `ConnectionError`;
 * the suite lets that retry happen for modules that are safe to repeat (reads, updates, upserts) and not for creates,
 * which docs/reliability.md asks scenario builders not to retry blindly. `InvalidAccessTokenError` makes Make refresh
 * the connection; the suite refreshes it and runs the module once more.
 * https://developers.make.com/custom-apps-documentation/app-components/base/error-handling
 */

export interface MakeConnection {
  make: MakeRunner;
  common: { clientId: string; clientSecret: string };
}

export async function makeOAuth(t: TestSandbox): Promise<MakeConnection> {
  const common = oauthApp(t);
  const make = new MakeRunner(t.url, {});
  const { data } = await make.connectOAuth(common);
  secret('Make OAuth access token', String(data.accessToken));
  secret('Make OAuth refresh token', String(data.refreshToken));
  make.connection = data;
  return { make, common };
}

/** Make's refresh before the next use (its condition forced: the token is treated as expired). */
export async function refreshMake(conn: MakeConnection): Promise<void> {
  const data = { ...conn.make.connection, expires: new Date(0).toISOString() };
  const fresh = (await conn.make.refreshOAuth(conn.common, data)) as Json;
  secret('Make OAuth access token (refreshed)', String(fresh.accessToken));
  conn.make.connection = fresh;
}

/** What Make does before each use of the connection: refresh when the token expires within 5 minutes. */
export async function keepFresh(conn: MakeConnection): Promise<void> {
  const fresh = await conn.make.refreshOAuth(conn.common, conn.make.connection);
  if (!fresh) return;
  secret('Make OAuth access token (refreshed)', String(fresh.accessToken));
  conn.make.connection = fresh;
}

export interface MakeOutcome<T> {
  result?: T;
  error?: MakeError;
  errors: MakeError[];
  replays: string[];
}

export async function asMakeWould<T>(
  c: Cell,
  conn: MakeConnection,
  step: () => Promise<T>,
  options: { idempotent: boolean },
): Promise<MakeOutcome<T>> {
  const outcome: MakeOutcome<T> = { errors: [], replays: [] };
  let refreshed = false;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      outcome.result = await step();
      outcome.error = undefined;
      c.see(outcome.result);
      break;
    } catch (error) {
      if (!(error instanceof MakeError)) throw error;
      outcome.errors.push(error);
      outcome.error = error;
      c.see(error);
      if (error.type === 'RateLimitError') outcome.replays.push('retried after RateLimitError');
      else if (error.type === 'ConnectionError' && options.idempotent)
        outcome.replays.push('retried after ConnectionError');
      else if (error.type === 'InvalidAccessTokenError' && !refreshed) {
        refreshed = true;
        await refreshMake(conn);
        outcome.replays.push('refreshed and retried');
      } else break;
    }
  }
  return outcome;
}
