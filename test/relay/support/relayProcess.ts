import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface RelayProcess {
  url: string;
  child: ChildProcess;
  /** What the relay wrote to stderr (its JSON logs). */
  logs(): string;
  /** Waits until `/readyz` answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no last write. */
  kill(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..', '..');

/** Runs `relay/main.ts` as its own process (what `npm run relay` runs) on a free port. */
export async function startRelayProcess(env: Record<string, string>): Promise<RelayProcess> {
  // The flags of `npm run relay`: node:sqlite's experimental warning would be the one non-JSON line on stderr.
  const args = [
    '--disable-warning=ExperimentalWarning',
    '--import',
    'tsx',
    join(ROOT, 'relay', 'main.ts'),
    '--port',
    '0',
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const found = /^RELAY_URL=(\S+)$/m.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the relay exited (${code}): ${stderr}`)));
  });
  const exited = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });
  return {
    url,
    child,
    logs: () => stderr,
    async ready(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const res = await fetch(`${url}/readyz`).catch(() => undefined);
        if (res?.status === 200) return;
        if (Date.now() > until) throw new Error(`the relay did not get ready: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited();
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
  };
}
