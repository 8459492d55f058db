import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFlags, UsageError } from '../../sandbox/server';

const ROOT = resolve(__dirname, '../..');

interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs the server in one Node process with tsx as a loader. The `tsx` binary would fork a second process that a
 * SIGKILL of the first leaves running, holding the pipes open, and jest would then never exit.
 */
function spawnSandbox(args: string[]): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c;
  });
  child.stderr!.on('data', (c: Buffer) => {
    err += c;
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * Waits until the sandbox printed `count` KEY=value lines on stdout and its hint on stderr (two pipes, so either
 * may arrive first), and parses the lines.
 */
async function printedLines(s: Spawned, count: number): Promise<Record<string, string>> {
  const deadline = Date.now() + 15_000;
  while (s.stdout().split('\n').filter(Boolean).length < count || !s.stderr().includes('Press Ctrl-C')) {
    if (Date.now() > deadline || s.child.exitCode !== null) {
      throw new Error(`sandbox printed ${JSON.stringify(s.stdout())}; stderr ${s.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const lines = s.stdout().split('\n').filter(Boolean);
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('sandbox CLI', () => {
  let dir: string;
  const running: Spawned[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
  });
  afterAll(() => {
    for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the base URL and a working token, flushes --data on SIGTERM and reuses the token on restart', async () => {
    const data = join(dir, 'state.json');
    const first = spawnSandbox(['--port', '0', '--seed', '0', '--tier', 'enterprise', '--data', data]);
    running.push(first);
    const printed = await printedLines(first, 2);
    expect(first.stdout()).toMatch(
      /^HUBSPOT_BASE_URL=http:\/\/127\.0\.0\.1:\d+\nHUBSPOT_ACCESS_TOKEN=pat-na1-\S+\n$/,
    );
    expect(Number(new URL(printed.HUBSPOT_BASE_URL!).port)).toBeGreaterThan(0);
    expect(first.stderr()).toContain(`Press Ctrl-C to stop (or kill ${first.child.pid})`);

    const res = await fetch(`${printed.HUBSPOT_BASE_URL}/account-info/v3/details`, {
      headers: { authorization: `Bearer ${printed.HUBSPOT_ACCESS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('190');

    const created = await fetch(`${printed.HUBSPOT_BASE_URL}/__sandbox/tokens`, { method: 'POST' });
    const { token } = (await created.json()) as { token: string };
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(readFileSync(data, 'utf8')).toContain(token);

    const second = spawnSandbox(['--port', '0', '--data', data]);
    running.push(second);
    const again = await printedLines(second, 2);
    expect(again.HUBSPOT_ACCESS_TOKEN).toBe(printed.HUBSPOT_ACCESS_TOKEN);
    const withCreated = await fetch(`${again.HUBSPOT_BASE_URL}/account-info/v3/details`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withCreated.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('counts the seeded companies and deals too in its start message', async () => {
    const seeded = spawnSandbox(['--port', '0', '--seed', '30']);
    running.push(seeded);
    await printedLines(seeded, 2);
    expect(seeded.stderr()).toContain('Seeded 30 contacts, 3 companies and 6 deals');
    seeded.child.kill('SIGTERM');
    expect(await seeded.exited).toBe(0);
  });

  it('exits 2 on a bad flag, naming it and its allowed values', async () => {
    const bad = spawnSandbox(['--app-type', 'robot']);
    running.push(bad);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain("--app-type must be one of private, oauth; got 'robot'.");
    expect(bad.stdout()).toBe('');
  });

  it.each([
    [['--tier', 'gold'], '--tier must be one of free, starter, professional, enterprise, api-add-on'],
    [['--port', '70000'], '--port must be an integer from 0 to 65535'],
    [['--seed', 'many'], '--seed must be an integer'],
    [['--index-lag=-5'], '--index-lag must be an integer'],
    [['--colour', 'red'], "'--colour'"],
    [['--port'], "'--port <value>' argument missing"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseFlags(argv)).toThrow(UsageError);
    expect(() => parseFlags(argv)).toThrow(message);
  });

  it('defaults to port 8787, a private app, no seed', () => {
    expect(parseFlags([])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      seed: 0,
      tier: undefined,
      appType: 'private',
      data: undefined,
      indexLagMs: 0,
    });
    expect(parseFlags(['--app-type', 'oauth', '--tier', 'api-add-on', '--index-lag', '1500'])).toMatchObject({
      appType: 'oauth',
      tier: 'api-add-on',
      indexLagMs: 1500,
    });
  });
});
