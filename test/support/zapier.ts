import zapier from 'zapier-platform-core';
import App from '../../index';

/**
 * The real Zapier app under `createAppTester`. `skipHttpPatch` keeps nock and several test files working together
 * (zapier-platform-core patches `http` globally otherwise).
 */
export const testApp = { ...App, flags: { ...(App as { flags?: object }).flags, skipHttpPatch: true } };

export const appTester = zapier.createAppTester(testApp);

type AnyOperation = { key: string; operation: { perform: unknown } };

function find(kind: 'triggers' | 'creates' | 'searches', key: string): AnyOperation {
  const op = (testApp[kind] as Record<string, AnyOperation>)[key];
  if (!op) throw new Error(`No ${kind} ${key} in the app`);
  return op;
}

export interface RunOptions {
  inputData?: Record<string, unknown>;
  authData?: Record<string, string>;
  meta?: Record<string, unknown>;
}

/** Runs an operation's perform the way Zapier does and returns its result. */
export function run(kind: 'triggers' | 'creates' | 'searches', key: string, options: RunOptions) {
  const perform = find(kind, key).operation.perform as (...args: unknown[]) => unknown;
  return appTester(
    perform as never,
    {
      authData: options.authData ?? {},
      inputData: options.inputData ?? {},
      meta: options.meta ?? {},
    } as never,
  ) as Promise<unknown>;
}

/** Points the app at a sandbox for the duration of a test file. */
export function useBaseUrl(url: string): void {
  process.env.HUBSPOT_BASE_URL = url;
}
