// `npm run bench:coldstart`: load time of the built app beside bare zapier-platform-core, each in a fresh Node process
// (what a cold Zapier invocation pays). Target: the app adds at most 10% to core's own load time.
// Runs alternate core and app so that a slow spell of the machine weighs on both sides alike. Beside the wall-clock
// time, the main thread's CPU time: other load on the machine sways it less.
//
// Also reported, outside the target: what core then does with the loaded app at every invocation. Zapier's wrapper
// (zapier-platform-core/include/zapierwrapper.js) passes the app's path to `createAppHandler`, whose handler requires
// it and then runs `prepareApp` twice per invocation (create-app.js, and create-lambda-handler.js beside the TODO
// that says so): a deep copy (lodash cloneDeepWith), a walk that replaces `{source}`/`{require}` objects, and a deep
// freeze of the whole definition. That cost grows with the definition's size, and it is why making definitions lazy
// per key would buy nothing on Zapier: the copy reads every key of every trigger, search and create.
const { execFileSync } = require('node:child_process');

const PAIRS = 25;
const TARGET_PERCENT = 10;
const clock = 'const now=()=>Number(process.hrtime.bigint())/1e6;';
const probe = (target) =>
  `${clock}const t=now();const c=process.threadCpuUsage();` +
  // Core first, then the app: Zapier's wrapper loads core itself, and an app that no longer requires core at load
  // (the snapshot build) must not look cheaper than core alone.
  (target === './index.js' ? 'require("zapier-platform-core");' : '') +
  `const app=require(${JSON.stringify(target)});` +
  'const d=process.threadCpuUsage(c);const r=[now()-t,(d.user+d.system)/1e3];' +
  // The built app only: core's per-invocation preparation, first (cold) and second time, as one invocation pays it.
  (target === './index.js'
    ? 'const s=require("zapier-platform-core/src/tools/schema");const p=now();s.prepareApp(app);s.prepareApp(app);' +
      'r.push(now()-p);'
    : '') +
  'process.stdout.write(JSON.stringify(r))';
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
const prepare = median(app.map((r) => r[2]));
console.log(`node ${process.version}, median of ${PAIRS} cold processes each, alternating`);
console.log(`require('zapier-platform-core'): ${wall.c.toFixed(1)} ms (CPU ${cpu.c.toFixed(1)} ms)`);
console.log(
  `require('./index.js') (built app, core included): ${wall.a.toFixed(1)} ms (CPU ${cpu.a.toFixed(1)} ms)`,
);
console.log(
  `the app adds ${wall.added.toFixed(1)}% (CPU ${cpu.added.toFixed(1)}%) (target: at most ${TARGET_PERCENT}%) ` +
    (wall.added <= TARGET_PERCENT ? 'OK' : 'OVER TARGET'),
);
console.log(
  `then, at each invocation, core prepares the app twice (prepareApp): ${prepare.toFixed(1)} ms in a cold process ` +
    `(${((prepare / wall.c) * 100).toFixed(1)}% of core's load; not in the target)`,
);
