import { runCli } from '../sandbox/server';

/**
 * `npm start`: until the connector has its own entry point, start the seeded sandbox (500 contacts, port 8787) and
 * print its URL and token; stays up until Ctrl-C. Any sandbox flag overrides these: `npm start -- --tier enterprise`.
 */
void runCli(process.argv.slice(2), ['--port', '8787', '--seed', '500']);
