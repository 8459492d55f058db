// `npm run bench:coldstart`: load time of the built app beside bare zapier-platform-core, each in a fresh Node process
// (what a cold Zapier invocation pays). Target: the app adds at most 10% to core's own load time.
// Runs alternate core and app so that a slow spell of the machine weighs on both sides alike. Beside the wall-clock
// time, the main thread's CPU time: other load on the machine sways it less.
const { execFileSync } = require('node:child_process');

const PAIRS = 25;
const TARGET_PERCENT = 10;
const probe = (target) =>
  'const t=process.hrtime.bigint();const c=process.threadCpuUsage();' +
  `require(${JSON.stringify(target)});` +
  'const d=process.threadCpuUsage(c);' +
  'process.stdout.write(JSON.stringify([Number(process.hrtime.bigint()-t)/1e6,(d.user+d.system)/1e3]))';
const load = (target) =>
  JSON.parse(execFileSync(process.execPath, ['-e', probe(target)], { cwd: `${__dirname}/..` }));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

load('zapier-platform-core'); // warm the disk cache for both
load('./index.js');
const core = [];
const app = [];
for (let i = 0; i < PAIRS; i++) {
  core.push(load('zapier-platform-core'));
  app.push(load('./index.js'));
}
const figures = (which) => {
  const c = median(core.map((r) => r[which]));
  const a = median(app.map((r) => r[which]));
  return { c, a, added: (a / c - 1) * 100 };
};
const wall = figures(0);
const cpu = figures(1);
console.log(`node ${process.version}, median of ${PAIRS} cold processes each, alternating`);
console.log(`require('zapier-platform-core'): ${wall.c.toFixed(1)} ms (CPU ${cpu.c.toFixed(1)} ms)`);
console.log(
  `require('./index.js') (built app, core included): ${wall.a.toFixed(1)} ms (CPU ${cpu.a.toFixed(1)} ms)`,
);
console.log(
  `the app adds ${wall.added.toFixed(1)}% (CPU ${cpu.added.toFixed(1)}%) (target: at most ${TARGET_PERCENT}%) ` +
    (wall.added <= TARGET_PERCENT ? 'OK' : 'OVER TARGET'),
);
