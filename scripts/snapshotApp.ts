import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { moduleTable } from './bundleApp';

/**
 * `npm run build`, second step: writes `dist/app.js`, which the root `index.js` loads, as a snapshot of the app's
 * definition plus the modules its functions need, loaded only when one is called.
 *
 * Why: a cold Zapier invocation loads the app, and core then copies and freezes the whole definition and calls at
 * least one of its functions (zapier-platform-core `src/tools/create-lambda-handler.js`, `prepareApp`), so laziness by
 * getters buys nothing. Running every module to build the definition (~330 modules) was most of the app's load
 * (`npm run bench:coldstart`). Here the definition's data (everything JSON can hold) is evaluated at build time and
 * each function becomes a stub that, on its first call, loads only the module that defines it (`creates/<x>`, and what
 * that imports: ~50 modules, not the catalogue in `operations/index.ts`), then calls the real function.
 *
 * Nothing read from the environment at load may be frozen here: the definition is evaluated twice, the second time
 * with every variable the first load read set to another value; a part that differs is rebuilt at load from its
 * module instead of snapshotted (and the build fails if no module can rebuild it).
 */

type Path = ReadonlyArray<string | number>;
/** How a part of the definition is rebuilt at run time: a module's export path, or a hidden dropdown trigger. */
type Provider = { module: string; path: Path } | { dropdown: unknown };
type Probe = {
  /** The definition as JSON, each function a null. */
  definition: unknown;
  functions: Array<{ at: Path; provider: number; rel: Path; arity: number }>;
  /** Objects of the definition a provider gives, for the parts that must be rebuilt at load. */
  objects: Array<{ at: Path; provider: number; rel: Path }>;
  providers: Provider[];
  envRead: string[];
};

const DIR = 'dist';
/**
 * Variables the app checks at load, with the values it accepts: the second evaluation sets each to another accepted
 * value (others get a made-up one). A variable missing here that rejects the made-up value fails the build by name.
 */
const ACCEPTED: Record<string, readonly string[]> = { HUBSPOT_API_VERSION: ['legacy', '2026-03'] };
/** The modules whose exports define the app's parts: one per operation, and the authentication. */
const PART_FOLDERS = ['creates', 'triggers', 'searches'];

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
};

/** Runs in a fresh process (the build spawns it): loads the app from tsc's output and describes its definition. */
function probe(root: string): Probe {
  // Core first: only what the app itself reads from the environment matters here.
  require('zapier-platform-core');
  const envRead = new Set<string>();
  const env = process.env;
  process.env = new Proxy(env, {
    get: (target, key) => {
      if (typeof key === 'string') envRead.add(key);
      return Reflect.get(target, key);
    },
    has: (target, key) => {
      if (typeof key === 'string') envRead.add(key);
      return Reflect.has(target, key);
    },
  });

  const providers: Provider[] = [];
  const owner = new Map<unknown, { provider: number; rel: Path }>();
  const remember = (value: unknown, provider: number, rel: Path, seen: Set<unknown>) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
      return;
    seen.add(value);
    if (!owner.has(value)) owner.set(value, { provider, rel });
    if (typeof value === 'function' || !isPlain(value)) return;
    for (const [key, child] of Object.entries(value))
      remember(child, provider, [...rel, Array.isArray(value) ? Number(key) : key], seen);
  };
  const partModules = [
    'authentication.js',
    ...PART_FOLDERS.flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((f) => f.endsWith('.js') && f !== 'index.js')
        .map((f) => `${folder}/${f}`),
    ),
  ];

  // The hidden dropdown triggers are built in index.ts from a source each; record which source made which key.
  const dropdowns = require(join(root, 'operations/dropdowns.js'));
  const render = require(join(root, 'zapier/render.js'));
  const dropdownOperation = dropdowns.dropdownOperation;
  const sources = new Map<string, unknown>();
  dropdowns.dropdownOperation = (source: unknown) => {
    const op = dropdownOperation(source);
    if (op) sources.set(op.key, JSON.parse(JSON.stringify(source)));
    return op;
  };
  const app = require(join(root, 'index.js')).default;
  dropdowns.dropdownOperation = dropdownOperation;
  for (const id of partModules) {
    providers.push({ module: id, path: [] });
    remember(require(join(root, id)), providers.length - 1, [], new Set());
  }

  const functions: Probe['functions'] = [];
  const objects: Probe['objects'] = [];
  type Near = { provider: number; rel: Path; at: Path };
  const describe = (value: unknown, at: Path, near?: Near): unknown => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Object.is(value, -0))
        throw new Error(`${at.join('.')}: ${value} is not JSON`);
      return value;
    }
    if (value === undefined) return undefined;
    const own = owner.get(value);
    if (typeof value === 'function') {
      const from =
        own ?? (near && { provider: near.provider, rel: [...near.rel, ...at.slice(near.at.length)] });
      if (!from) throw new Error(`${at.join('.')}: no module defines this function; cannot snapshot it`);
      if (Object.keys(value).length > 0) throw new Error(`${at.join('.')}: a function with properties`);
      functions.push({ at, provider: from.provider, rel: from.rel, arity: value.length });
      return null;
    }
    if (typeof value !== 'object' || !isPlain(value)) throw new Error(`${at.join('.')}: not plain data`);
    if (own) objects.push({ at, ...own });
    const inner = own ? { ...own, at } : near;
    if (Array.isArray(value)) return value.map((v, i) => describe(v, [...at, i], inner) ?? null);
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, describe(v, [...at, k], inner)]),
    );
  };
  // A dropdown trigger no module exports: rebuilt from its source, checked here to give the same definition.
  for (const [key, trigger] of Object.entries(app.triggers as Record<string, object>)) {
    if (owner.has(trigger)) continue;
    const source = sources.get(key);
    if (source === undefined) continue;
    const rebuilt = render.renderTrigger(dropdownOperation(source));
    if (JSON.stringify(rebuilt) !== JSON.stringify(trigger))
      throw new Error(`triggers.${key}: its source does not rebuild the same trigger`);
    providers.push({ dropdown: source });
    owner.set(trigger, { provider: providers.length - 1, rel: [] });
  }
  const definition = describe(app, []);
  process.env = env;
  return { definition, functions, objects, providers, envRead: [...envRead].sort() };
}

function runProbe(root: string, env: NodeJS.ProcessEnv): Probe {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename], {
    env: { ...env, SNAPSHOT_APP_PROBE: root },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** The paths where two JSON trees differ, as far down as both still have the same shape. */
function differences(a: unknown, b: unknown, at: Path = []): Path[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return [at];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...at, k]),
  );
}

const startsWith = (path: Path, prefix: Path) => prefix.every((p, i) => String(path[i]) === String(p));

/** The build: evaluates the definition twice, then writes the snapshot and the modules its stubs and live parts need. */
export function snapshot(root: string): { text: string; modules: number; functions: number; live: Path[] } {
  const first = runProbe(root, process.env);
  // Read at load by the app: set each to another value and see what moves.
  const other = (k: string) =>
    (ACCEPTED[k] ?? [`snapshot-probe-${k}`]).find((v) => v !== (process.env[k]?.trim() || ACCEPTED[k]?.[0]));
  const changed = Object.fromEntries(first.envRead.map((k) => [k, other(k)]));
  let second: Probe;
  try {
    second = runProbe(root, { ...process.env, ...changed });
  } catch (error) {
    throw new Error(
      `the app does not load with ${JSON.stringify(changed)}; list the values it accepts in ACCEPTED (scripts/snapshotApp.ts): ${error}`,
    );
  }
  const live: Array<{ at: Path; provider: number; rel: Path }> = [];
  for (const path of differences(first.definition, second.definition)) {
    const holder = first.objects
      .filter((o) => startsWith(path, o.at))
      .sort((x, y) => y.at.length - x.at.length)[0];
    if (!holder) throw new Error(`${path.join('.')}: depends on the environment and no module rebuilds it`);
    if (!live.some((l) => startsWith(holder.at, l.at))) live.push(holder);
  }
  const definition = first.definition;
  const functions = first.functions.filter((f) => !live.some((l) => startsWith(f.at, l.at)));
  const used = new Set([...functions.map((f) => f.provider), ...live.map((l) => l.provider)]);
  const entries = new Set<string>();
  for (const i of used) {
    const p = first.providers[i]!;
    if ('module' in p) entries.add(p.module);
    else for (const m of ['operations/dropdowns.js', 'zapier/render.js']) entries.add(m);
  }
  const { lines, modules } = moduleTable(root, [...entries].sort(), true);
  // z.dehydrate finds a function's path in the definition by identity (zapier-platform-core
  // src/tools/create-dehydrator.js): the real function a stub loads is not the stub in the definition.
  const dehydrating = /^.*\.dehydrate(File)?\(.*$/m.exec(lines.join('\n'));
  if (dehydrating)
    throw new Error(
      `a module calls z.dehydrate, which the snapshot's stubs do not support: ${dehydrating[0].trim()}`,
    );
  const text = [
    '"use strict";',
    "// Generated by scripts/snapshotApp.ts from tsc's output (npm run build); do not edit.",
    ...lines,
    `const __providers = ${JSON.stringify(first.providers.map((p, i) => (used.has(i) ? p : null)))};`,
    'const __given = new Map();',
    '// A part of the definition as its module (or the dropdown source) gives it, built once per process.',
    'function __provide(i) {',
    '  if (!__given.has(i)) {',
    '    const p = __providers[i];',
    '    __given.set(i, p.module !== undefined ? __at(__load(p.module), p.path)',
    '      : __load("zapier/render.js").renderTrigger(__load("operations/dropdowns.js").dropdownOperation(p.dropdown)));',
    '  }',
    '  return __given.get(i);',
    '}',
    'function __at(value, path) { for (const k of path) value = value[k]; return value; }',
    'function __set(target, path, value) { __at(target, path.slice(0, -1))[path[path.length - 1]] = value; }',
    '// A function of the definition: loads its module on the first call, then calls the real function.',
    'function __stub(provider, rel, arity) {',
    '  let fn;',
    // Rest parameters, not `arguments`: core's serializer (zapier-platform-core src/tools/cleaner.js) notes whether a
    // function's text says "arguments" in the definition Zapier stores, which must stay as the source's.
    '  const stub = function (...args) {',
    '    if (!fn) fn = __at(__provide(provider), rel);',
    '    return fn.apply(this, args);',
    '  };',
    '  Object.defineProperty(stub, "length", { value: arity });',
    '  return stub;',
    '}',
    // JSON.parse reads a large literal faster than the same object literal as code.
    `const definition = JSON.parse(${JSON.stringify(JSON.stringify(definition))});`,
    `for (const [at, p, rel, arity] of ${JSON.stringify(functions.map((f) => [f.at, f.provider, f.rel, f.arity]))})`,
    '  __set(definition, at, __stub(p, rel, arity));',
    '// Parts that read the environment at load: built from their module now, never snapshotted.',
    `for (const [at, p, rel] of ${JSON.stringify(live.map((l) => [l.at, l.provider, l.rel]))})`,
    '  __set(definition, at, __at(__provide(p), rel));',
    'exports.default = definition;',
    '',
  ].join('\n');
  return { text, modules, functions: functions.length, live: live.map((l) => l.at) };
}

if (require.main === module) {
  const root = resolve(__dirname, '..', DIR);
  if (process.env.SNAPSHOT_APP_PROBE) {
    process.stdout.write(JSON.stringify(probe(process.env.SNAPSHOT_APP_PROBE)));
  } else {
    const { text, modules, functions, live } = snapshot(root);
    writeFileSync(join(root, 'app.js'), text);
    process.stdout.write(
      `dist/app.js: definition snapshot, ${functions} stubs, ${modules} modules loaded on demand, ` +
        `${live.length} parts built at load${live.length ? ` (${live.map((p) => p.join('.')).join(', ')})` : ''}, ` +
        `${Math.round(text.length / 1024)} KB\n`,
    );
  }
}
