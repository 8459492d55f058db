import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** True while `pid` runs; a zombie (exited, not yet reaped by whoever adopted it) counts as stopped. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Linux: the state is the field after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const refuses = (url: string) =>
  fetch(`${url}/account-info/v3/details`).then(
    () => false,
    () => true,
  );

/**
 * `npm run sandbox` as a newcomer runs it: npm starts a shell that starts the server. Stopping npm must stop the
 * server too, and the server says which pid is its own.
 */
describe('npm run sandbox', () => {
  let npm: ChildProcess | undefined;
  let serverPid: number | undefined;

  afterEach(() => {
    if (npm?.exitCode === null) npm.kill('SIGKILL');
    if (serverPid && running(serverPid)) process.kill(serverPid, 'SIGKILL');
  });

  // SIGTERM is what `kill <npm pid>` sends; SIGKILL cannot be forwarded, so the server must notice by itself.
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'prints its pid and stops when its npm parent gets %s',
    async (signal) => {
      npm = spawn('npm', ['run', '--silent', 'sandbox', '--', '--port', '0', '--seed', '0'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      npm.stdout!.on('data', (c: Buffer) => {
        out += c;
      });
      npm.stderr!.on('data', (c: Buffer) => {
        err += c;
      });
      await until(() => err.includes('Press Ctrl-C'), `the sandbox started (stderr: ${err})`, 30_000);
      const url = /^HUBSPOT_BASE_URL=(\S+)$/m.exec(out)?.[1];
      serverPid = Number(/\(pid (\d+)\b/.exec(err)?.[1]);
      expect(url).toBeDefined();
      expect(serverPid).toBeGreaterThan(0);
      expect(serverPid).not.toBe(npm.pid);
      expect(running(serverPid)).toBe(true);
      expect(await refuses(url!)).toBe(false);

      npm.kill(signal);
      await until(() => !running(serverPid!), 'the server process ended');
      expect(await refuses(url!)).toBe(true);
    },
    60_000,
  );
});
