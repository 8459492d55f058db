// `npm run bench:coldstart`: load time of the built app beside bare zapier-platform-core, each in a fresh Node process
// (what a cold Zapier invocation pays). Target: the app adds at most 25% to core's own load time.
const { execFileSync } = require('node:child_process');

const RUNS = 15;
const probe = (target) =>
  `const t=process.hrtime.bigint();require(${JSON.stringify(target)});` +
  'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';

function median(target) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(Number(execFileSync(process.execPath, ['-e', probe(target)], { cwd: __dirname + '/..' })));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

median('zapier-platform-core'); // warm the disk cache for both
const core = median('zapier-platform-core');
const app = median('./index.js');
const added = ((app - core) / core) * 100;
console.log(`node ${process.version}, median of ${RUNS} cold processes`);
console.log(`require('zapier-platform-core'): ${core.toFixed(1)} ms`);
console.log(`require('./index.js') (built app, core included): ${app.toFixed(1)} ms`);
console.log(`the app adds ${added.toFixed(1)}% (target: at most 25%) ${added <= 25 ? 'OK' : 'OVER TARGET'}`);
