import zapier from 'zapier-platform-core';
import App from '../index';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { type RunningSandbox, serveSandbox } from '../sandbox/serve';

/**
 * Runs the real Zapier app (through `createAppTester`, as Zapier runs it) against an embedded sandbox, counting the
 * HubSpot calls of each run with the sandbox's request log. Used by `npm start` and `npm run bench:calls`.
 */

export type Kind = 'triggers' | 'creates' | 'searches';

export interface RunReport<T> {
  result: T;
  calls: number;
  /** Of those, answered 429 (waited out and retried by the client). */
  throttled: number;
  byEndpoint: Record<string, number>;
}

export interface Harness {
  /** The Zapier app as tested (HTTP patch off). */
  app: typeof app;
  sandbox: Sandbox;
  server: RunningSandbox;
  authData: Record<string, string>;
  run<T = unknown>(kind: Kind, key: string, inputData: object, meta?: object): Promise<RunReport<T>>;
  /** Runs any function with the app's `z` and a bundle (buffered creates, dropdowns). */
  runFunction<T = unknown>(perform: unknown, bundle: object): Promise<RunReport<T>>;
  close(): Promise<void>;
}

const app = { ...App, flags: { skipHttpPatch: true } };

/** The app's own logs (Zapier's memory lines, request logs) go to Zapier in production; here they would bury the output. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => {};
  try {
    return await run();
  } finally {
    console.log = log;
  }
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = createSandbox(options);
  const server = await serveSandbox(sandbox);
  process.env.HUBSPOT_BASE_URL = server.url;
  const tester = zapier.createAppTester(app);
  const authData = {
    access_token: sandbox.portal.auth.createPrivateAppToken(),
    hub_id: String(sandbox.portal.info.portalId),
  };
  const runFunction = async <T>(perform: unknown, bundle: object): Promise<RunReport<T>> => {
    sandbox.log.clear();
    const result = await quietly(
      () => tester(perform as never, { authData, ...bundle } as never) as Promise<T>,
    );
    const summary = sandbox.log.summary();
    const throttled = sandbox.log.all().filter((e) => e.status === 429).length;
    return { result, calls: summary.total, throttled, byEndpoint: summary.byEndpoint };
  };
  return {
    app,
    sandbox,
    server,
    authData,
    runFunction,
    run: (kind, key, inputData, meta = {}) => {
      const op = (app[kind] as Record<string, { operation: { perform: unknown } }>)[key];
      if (!op) throw new Error(`No ${kind} ${key} in the app`);
      return runFunction(op.operation.perform, { inputData, meta });
    },
    close: () => server.close(),
  };
}

export const describeCalls = (byEndpoint: Record<string, number>) =>
  Object.entries(byEndpoint)
    .map(([endpoint, n]) => `${n}× ${endpoint}`)
    .join(', ');
