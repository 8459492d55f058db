import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Delivery } from '../../../relay/contract';

export interface HookCall {
  headers: IncomingHttpHeaders;
  body: string;
  delivery: Delivery;
  /** The status the hook answered. */
  status: number;
}

export interface TestHook {
  url: string;
  calls: HookCall[];
  /** The status the next calls get (default 200). */
  answer(status: number): void;
  /** Waits until `predicate` holds on the calls so far. */
  waitFor(predicate: (calls: HookCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A local hook standing in for a Zap's or scenario's webhook URL; records every delivery it gets. */
export async function startHook(path = '/hooks/catch/1/abc'): Promise<TestHook> {
  const calls: HookCall[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      calls.push({ headers: req.headers, body, delivery: JSON.parse(body) as Delivery, status });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    calls,
    answer(next) {
      status = next;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > until)
          throw new Error(`the hook did not get what was expected; calls: ${calls.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
