import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The pieces of the relay benchmark: the relay as its own process, signed HubSpot pushes, a local hook. */

export const CLIENT_SECRET = 'bench-client-secret';
export const PUSH_PATH = '/v1/hubspot/webhooks';
const ROOT = join(__dirname, '..', '..');

export interface RelayChild {
  url: string;
  pid: number;
  /** Peak resident memory seen by `sampleRss`, in bytes. */
  peakRss: number;
  sampleRss(): void;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** `relay/main.ts` on a fixed port (so pushes find it again after a restart), logs appended to `logFile`. */
export async function startRelay(port: number, databaseUrl: string, logFile: string): Promise<RelayChild> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(
    process.execPath,
    // BENCH_RELAY_NODE_ARGS: extra Node flags for the relay, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile.
    [
      ...(process.env.BENCH_RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      join(ROOT, 'relay', 'main.ts'),
      '--port',
      String(port),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
        RELAY_ALLOWED_TARGETS: '127.0.0.1',
        RELAY_DATABASE_URL: databaseUrl,
        RELAY_LOG_LEVEL: process.env.RELAY_LOG_LEVEL ?? 'info',
        NODE_NO_WARNINGS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.pipe(log);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const found = /^RELAY_URL=(\S+)$/m.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the relay exited (${code}); see ${logFile}`)));
  });
  for (let i = 0; ; i++) {
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    if (res?.status === 200) break;
    if (i > 300) throw new Error(`the relay did not get ready; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const relay: RelayChild = {
    url,
    pid: child.pid!,
    peakRss: 0,
    sampleRss() {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        if (kb) relay.peakRss = Math.max(relay.peakRss, Number(kb) * 1024);
      } catch {}
    },
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
  return relay;
}

/** Webhooks v3 events as HubSpot pushes them: contact creations spread over `portals`, ids from `firstId`. */
export function events(firstId: number, count: number, portals: number[], sentAt: number) {
  return Array.from({ length: count }, (_, i) => {
    const id = firstId + i;
    return {
      eventId: id,
      subscriptionId: 1,
      portalId: portals[id % portals.length],
      appId: 1,
      occurredAt: sentAt,
      subscriptionType: 'contact.creation',
      attemptNumber: 0,
      objectId: id,
      changeSource: 'CRM',
    };
  });
}

/** One signed push (v3: HMAC-SHA256 of method, URI, body and timestamp); true when the relay answered 204. */
export async function push(url: string, batch: unknown[]): Promise<boolean> {
  const body = JSON.stringify(batch);
  const timestamp = String(Date.now());
  const signature = createHmac('sha256', CLIENT_SECRET)
    .update(`POST${url}${PUSH_PATH}${body}${timestamp}`)
    .digest('base64');
  try {
    const res = await fetch(`${url}${PUSH_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': timestamp,
      },
      body,
    });
    await res.arrayBuffer();
    return res.status === 204;
  } catch {
    return false;
  }
}

export interface Hook {
  url: string;
  /** First arrival time (ms) of each event id. */
  firstSeen: Map<string, number>;
  deliveries: number;
  /** Events received, repeats included (at least once means some repeat after a kill). */
  arrivals: number;
  close(): Promise<void>;
}

/** The hook every subscription points at: notes when each event first arrived. */
export async function startHook(): Promise<Hook> {
  const firstSeen = new Map<string, number>();
  const hook: Hook = { url: '', firstSeen, deliveries: 0, arrivals: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      hook.deliveries++;
      const delivery = JSON.parse(Buffer.concat(chunks).toString()) as { events: Array<{ eventId: string }> };
      hook.arrivals += delivery.events.length;
      for (const e of delivery.events) if (!firstSeen.has(e.eventId)) firstSeen.set(e.eventId, at);
      res.writeHead(200);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/catch/1/bench`;
  hook.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return hook;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
