import zapier from 'zapier-platform-core';
import App from '../../index';

/**
 * The real Zapier app under `createAppTester`. `skipHttpPatch` keeps nock and several test files working together
 * (zapier-platform-core patches `http` globally otherwise).
 */
export const testApp = { ...App, flags: { ...(App as { flags?: object }).flags, skipHttpPatch: true } };

const tester = zapier.createAppTester(testApp);

/**
 * Runs the app as Zapier does, without its log lines in the test output: zapier-platform-core echoes every
 * `z.console` line to the process console (`createLoggerConsole`), which in production lands in Zapier's logs and
 * here would print a "console.log … hubspot request" block per logged HubSpot answer. `console.log` is muted while
 * any run is in flight (runs may overlap); a test's own lines print as usual between runs.
 */
export const appTester = ((...args: Parameters<typeof tester>) =>
  withoutConsoleLog(() => tester(...args))) as typeof tester;

let inFlight = 0;
let consoleLog: typeof console.log | undefined;

async function withoutConsoleLog<T>(run: () => Promise<T>): Promise<T> {
  // A test that asks Zapier to print its log lines (LOG_TO_STDOUT, the resilience suite's secret scan) reads them.
  if (process.env.LOG_TO_STDOUT) return run();
  if (inFlight++ === 0) {
    consoleLog = console.log;
    console.log = () => {};
  }
  try {
    return await run();
  } finally {
    if (--inFlight === 0 && consoleLog) console.log = consoleLog;
  }
}

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
