/**
 * `npm run relay -- --port 8788 [--host 127.0.0.1]`: the events relay. Prints `RELAY_URL=http://127.0.0.1:<port>`
 * on stdout first (for `eval` or a test harness); logs go to stderr as JSON lines. Settings: `relay/README.md`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { whenParentGone } from './parentWatch';
import { loggerOptions } from './server';
import { createRelay } from './service';
import { openStore } from './store';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8788' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(
      `--port must be a port number from 0 to 65535 (0 picks a free one); got "${values.port}".`,
    );
  }
  const config = loadConfig();
  const store = await openStore(config.databaseUrl);
  const relay = createRelay({ config, store, logger: loggerOptions(process.stderr) });
  const url = await relay.listen(port, values.host);
  process.stdout.write(`RELAY_URL=${url}\n`);
  await relay.start();

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await relay.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  whenParentGone(() => void shutdown());
}

main().catch((error: Error) => {
  process.stderr.write(`relay: ${error.message}\n`);
  process.exit(1);
});
