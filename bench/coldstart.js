// `npm run bench:coldstart`: load time of the built app beside bare zapier-platform-core, each in a fresh Node process
// (what a cold Zapier invocation pays). Target: the app adds at most 25% to core's own load time.
// Runs alternate core and app so that a slow spell of the machine weighs on both sides alike.
const { execFileSync } = require('node:child_process');

const PAIRS = 25;
const probe = (target) =>
  `const t=process.hrtime.bigint();require(${JSON.stringify(target)});` +
  'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
const load = (target) =>
  Number(execFileSync(process.execPath, ['-e', probe(target)], { cwd: `${__dirname}/..` }));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

load('zapier-platform-core'); // warm the disk cache for both
load('./index.js');
const core = [];
const app = [];
for (let i = 0; i < PAIRS; i++) {
  core.push(load('zapier-platform-core'));
  app.push(load('./index.js'));
}
const added = (median(app) / median(core) - 1) * 100;
console.log(`node ${process.version}, median of ${PAIRS} cold processes each, alternating`);
console.log(`require('zapier-platform-core'): ${median(core).toFixed(1)} ms`);
console.log(`require('./index.js') (built app, core included): ${median(app).toFixed(1)} ms`);
console.log(`the app adds ${added.toFixed(1)}% (target: at most 25%) ${added <= 25 ? 'OK' : 'OVER TARGET'}`);
