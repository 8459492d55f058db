import { Client } from '@hubspot/api-client';
import type { SandboxOptions } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from './sandbox';

/**
 * An @hubspot/api-client 14 client for a test sandbox. The SDK's decorators (retries, limiter) are process-global,
 * so every test builds its clients here, with the same options (hubspot-api.md §8).
 */
export const sdkClient = (t: TestSandbox) => new Client({ accessToken: t.token, basePath: t.url });

/** Starts a sandbox (rate limits off) before the file's tests and stops it after; read `t` and `client` in tests. */
export function useSdkSandbox(options: SandboxOptions = {}): { t: TestSandbox; client: Client } {
  const context = {} as { t: TestSandbox; client: Client };
  beforeAll(async () => {
    context.t = await startTestSandbox({ rateLimits: false, ...options });
    context.client = sdkClient(context.t);
  });
  afterAll(() => context.t.close());
  return context;
}

/** What @hubspot/api-client throws for a status it does not expect: the status, HubSpot's body and the headers. */
export interface ApiError {
  code: number;
  body: {
    category?: string;
    message?: string;
    errors?: Array<{ context?: Record<string, string[]> }>;
    [key: string]: unknown;
  };
  headers: Record<string, string>;
}

/** The client's error for a call the sandbox must refuse; fails the test when the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the call to be refused');
}
