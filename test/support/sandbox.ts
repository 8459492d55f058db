import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { type RunningSandbox, serveSandbox } from '../../sandbox/serve';

export interface TestSandbox {
  sandbox: Sandbox;
  server: RunningSandbox;
  url: string;
  /** A private-app token holding every scope. */
  token: string;
  /** fetch against the sandbox with the token. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a sandbox on a free local port, as the integration tests use it. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = createSandbox(options);
  const server = await serveSandbox(sandbox);
  const token = sandbox.portal.auth.createPrivateAppToken({ token: 'pat-na1-00000000-fake-test-token' });
  return {
    sandbox,
    server,
    url: server.url,
    token,
    call: (method, path, body, headers = {}) =>
      fetch(server.url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: () => server.close(),
  };
}
