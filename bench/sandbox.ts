/**
 * Sandbox benchmark: seeding 100,000 contacts, memory after seeding, CRM search latency (in-process and over HTTP)
 * and GET-by-id throughput over HTTP. Rate limits are off: this measures the emulator, not HubSpot's limits.
 * Run with `npm run bench:sandbox`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSandbox } from '../sandbox';
import { seedPortal } from '../sandbox/seed';
import { serveSandbox } from '../sandbox/serve';

const CONTACTS = 100_000;
const SEARCHES = 200;
const GET_SECONDS = 3;
const GET_CONCURRENCY = 8;
const TOKEN = 'test-token-bench';

const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `global.gc` without a command-line flag: tsx starts node for us, so the flag is set at run time instead. */
function garbageCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

type Search = (body: unknown) => Promise<number>;

async function latency(run: Search, bodies: unknown[]) {
  const samples: number[] = [];
  for (const body of bodies) {
    const started = performance.now();
    const status = await run(body);
    samples.push(performance.now() - started);
    if (status !== 200) throw new Error(`search answered ${status}`);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main(): Promise<void> {
  const sandbox = createSandbox({ rateLimits: false });
  const { portal } = sandbox;
  portal.auth.createPrivateAppToken({ token: TOKEN });

  const seedStarted = performance.now();
  const seeded = seedPortal(portal, { contacts: CONTACTS, seed: 1 });
  const seedMs = performance.now() - seedStarted;
  console.log(
    `seed ${CONTACTS.toLocaleString('en')} contacts (+${seeded.companyIds.length.toLocaleString('en')} companies, ` +
      `${seeded.dealIds.length.toLocaleString('en')} deals, ${seeded.links.length.toLocaleString('en')} associations): ` +
      `${ms(seedMs)}   target < 10000 ms: ${verdict(seedMs < 10_000)}`,
  );

  const gc = garbageCollector();
  gc?.();
  const memory = process.memoryUsage();
  console.log(
    `memory after seeding${gc ? ' (after a GC)' : ' (no GC available: --expose-gc could not be set)'}: ` +
      `heap ${mb(memory.heapUsed)}, RSS ${mb(memory.rss)}   target < 1024 MB: ${verdict(memory.rss < 1024 ** 3)}`,
  );

  const contactsTable = portal.records.table('0-1');
  const sample = (n: number) =>
    Array.from({ length: n }, (_, i) => contactsTable.get(seeded.contactIds[(i * 7_919) % CONTACTS]!)!);
  const eqBodies = sample(SEARCHES).map((c) => ({
    filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: c.properties.email }] }],
  }));
  const tokenBodies = sample(SEARCHES / 4).map((c) => ({
    filterGroups: [
      {
        filters: [
          {
            propertyName: 'email',
            operator: 'CONTAINS_TOKEN',
            value: `*@${c.properties.email!.split('@')[1]}`,
          },
        ],
      },
    ],
  }));

  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const inProcess: Search = async (body) =>
    (
      await sandbox.handle({
        method: 'POST',
        url: '/crm/v3/objects/contacts/search',
        headers,
        body: Buffer.from(JSON.stringify(body)),
      })
    ).status;

  const firstStarted = performance.now();
  await inProcess(eqBodies[0]);
  console.log(`first EQ search (builds the email hash index): ${ms(performance.now() - firstStarted)}`);

  const server = await serveSandbox(sandbox);
  const overHttp: Search = async (body) => {
    const res = await fetch(`${server.url}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  };
  try {
    for (const [label, run] of [
      ['in-process', inProcess],
      ['HTTP      ', overHttp],
    ] as const) {
      const eq = await latency(run, eqBodies);
      console.log(
        `search EQ email, ${label}: p50 ${ms(eq.p50)}, p95 ${ms(eq.p95)}   target p95 < 20 ms: ${verdict(eq.p95 < 20)}`,
      );
      const token = await latency(run, tokenBodies);
      console.log(
        `search CONTAINS_TOKEN *@domain, ${label}: p50 ${ms(token.p50)}, p95 ${ms(token.p95)}   (scans; no target)`,
      );
    }
    console.log(`GET by id over HTTP: ${await getThroughput(server.url, seeded.contactIds, headers)}`);
  } finally {
    await server.close();
  }
}

/** GET /crm/v3/objects/contacts/{id} from several concurrent loops for a fixed time. */
async function getThroughput(url: string, ids: string[], headers: Record<string, string>): Promise<string> {
  const probe = await fetch(`${url}/crm/v3/objects/contacts/${ids[0]}`, { headers });
  await probe.arrayBuffer();
  if (probe.status !== 200) return `not measured (GET answered ${probe.status})`;
  const until = performance.now() + GET_SECONDS * 1000;
  let done = 0;
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < until; i += GET_CONCURRENCY) {
      const res = await fetch(`${url}/crm/v3/objects/contacts/${ids[(i * 131) % ids.length]}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: GET_CONCURRENCY }, (_, i) => loop(i)));
  return `${Math.round(done / GET_SECONDS).toLocaleString('en')} requests/s (${GET_CONCURRENCY} concurrent, ${GET_SECONDS} s)`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
