// `node bench/firstcall.js [label] [runs] [app index file]`: what a cold Zapier invocation pays for the app beyond core's own load:
// load the built app through core's handler (zapier-platform-core `createAppHandler`, as include/zapierwrapper.js
// does with the app's path), prepare it (core's createApp + prepareApp), and run one typical operation's perform
// (create_contact) against a local sandbox, each in a fresh Node process. Also times a second call in the same
// process, for what the first call alone costs. Compare builds by running it after each (`npm run build`).
const { execFileSync, spawn } = require('node:child_process');
const { resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const RUNS = Number(process.argv[3] ?? 15);
const APP = resolve(process.argv[4] ?? resolve(ROOT, 'index.js'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const probe = `
const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpu = () => { const u = process.threadCpuUsage(); return (u.user + u.system) / 1e3; };
const zapier = require('zapier-platform-core');
const [t0, c0] = [now(), cpu()];
const handler = zapier.createAppHandler(${JSON.stringify(APP)});
const event = (email) => ({
  command: 'execute',
  method: 'creates.create_contact.operation.perform',
  bundle: { authData: { access_token: process.env.HUBSPOT_ACCESS_TOKEN }, inputData: { email, firstname: 'Ada' } },
});
handler(event('a' + process.pid + '@example.com')).then(async (first) => {
  const [t1, c1] = [now(), cpu()];
  if (!first.results || !first.results.id) throw new Error('no contact created: ' + JSON.stringify(first));
  await handler(event('b' + process.pid + '@example.com'));
  process.stdout.write('\\nRESULT ' + JSON.stringify([t1 - t0, c1 - c0, now() - t1]) + '\\n');
});`;

async function main() {
  const sandbox = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/server.ts', '--port', '0', '--seed', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const env = await new Promise((done) => {
    let out = '';
    sandbox.stdout.on('data', (d) => {
      out += d;
      const url = /HUBSPOT_BASE_URL=(\S+)/.exec(out);
      const token = /HUBSPOT_ACCESS_TOKEN=(\S+)/.exec(out);
      if (url && token) done({ HUBSPOT_BASE_URL: url[1], HUBSPOT_ACCESS_TOKEN: token[1] });
    });
  });
  const run = () =>
    // Core prints its own lines (memory checks) on stdout: the figures are on the RESULT line.
    JSON.parse(
      /^RESULT (.*)$/m.exec(
        execFileSync(process.execPath, ['-e', probe], {
          cwd: ROOT,
          env: { ...process.env, ...env },
          encoding: 'utf8',
        }),
      )[1],
    );
  run(); // warm the disk cache
  const runs = Array.from({ length: RUNS }, run);
  const m = (i) => median(runs.map((r) => r[i])).toFixed(1);
  console.log(
    `${process.argv[2] ?? 'build'}: load + prepare + first create_contact ${m(0)} ms (CPU ${m(1)} ms); ` +
      `second call ${m(2)} ms; median of ${RUNS} cold processes`,
  );
  sandbox.kill();
}

main();
