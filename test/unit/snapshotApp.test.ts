import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshot } from '../../scripts/snapshotApp';

/**
 * The snapshot build (`scripts/snapshotApp.ts`) on a small app laid out as tsc's output of ours is: each function
 * loads only its own module on first call, a part that reads the environment at load is rebuilt at load rather than
 * frozen, and a function no module gives fails the build by its path.
 */
describe('snapshotApp', () => {
  let dir: string;
  const ran = () => (globalThis as { __ran?: string[] }).__ran ?? [];
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  const APP: Record<string, string> = {
    'index.js': [
      'const dropdowns = require("./operations/dropdowns");',
      'const render = require("./zapier/render");',
      'const owners = (0, dropdowns.dropdownOperation)({ kind: "owners" });',
      'exports.default = {',
      '  version: "1.0.0",',
      '  authentication: require("./authentication").default,',
      '  creates: { one: require("./creates/one").default, two: require("./creates/two").default },',
      '  triggers: { [owners.key]: (0, render.renderTrigger)(owners) },',
      '  searches: {},',
      '};',
    ].join('\n'),
    'authentication.js': 'exports.default = { type: "custom", test: (z, bundle) => "tested" };',
    'creates/one.js': [
      '(globalThis.__ran ??= []).push("one");',
      'const helper = require("../lib/helper");',
      'exports.default = { key: "one", operation: { perform: (z, bundle) => helper.twice(bundle.n) } };',
    ].join('\n'),
    'creates/two.js': [
      '(globalThis.__ran ??= []).push("two");',
      // Read at load: must not be frozen at build time.
      'const label = process.env.SNAPSHOT_FIXTURE_LABEL || "default";',
      'exports.default = { key: "two", display: { label }, operation: { perform: async (z) => label } };',
    ].join('\n'),
    'lib/helper.js': '(globalThis.__ran ??= []).push("helper"); exports.twice = (n) => n * 2;',
    'operations/dropdowns.js': [
      '(globalThis.__ran ??= []).push("dropdowns");',
      'exports.dropdownOperation = (source) => ({ key: source.kind + "_list", perform: async () => [source.kind] });',
    ].join('\n'),
    'zapier/render.js':
      'exports.renderTrigger = (op) => ({ key: op.key, operation: { perform: (z, bundle) => op.perform() } });',
    'triggers/.keep': '',
    'searches/.keep': '',
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snapshot-app-'));
    delete (globalThis as { __ran?: unknown }).__ran;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.SNAPSHOT_FIXTURE_LABEL;
  });

  const build = () => {
    const result = snapshot(dir);
    writeFileSync(join(dir, 'app.js'), result.text);
    return result;
  };
  const load = () => {
    jest.resetModules();
    return require(join(dir, 'app.js')).default;
  };

  it('runs no module at load, then only the tree of the function called', async () => {
    write(APP);
    const { functions, live } = build();
    // authentication.test and the performs of one, two and owners_list; two's label read the environment at load.
    expect(functions).toBe(4);
    expect(live).toEqual([['creates', 'two', 'display']]);
    delete (globalThis as { __ran?: unknown }).__ran;
    const app = load();
    expect(ran()).toEqual(['two']); // the env-dependent part only
    expect(app.creates.one.operation.perform.length).toBe(2);
    expect(app.creates.one.operation.perform({}, { n: 21 })).toBe(42);
    expect(ran()).toEqual(['two', 'one', 'helper']);
    expect(await app.triggers.owners_list.operation.perform({}, {})).toEqual(['owners']);
    expect(ran()).toEqual(['two', 'one', 'helper', 'dropdowns']);
    expect(app.authentication.test()).toBe('tested');
  });

  it('rebuilds at load what reads the environment at load, never the build-time value', async () => {
    write(APP);
    process.env.SNAPSHOT_FIXTURE_LABEL = 'at build';
    build();
    process.env.SNAPSHOT_FIXTURE_LABEL = 'at run';
    const app = load();
    expect(app.creates.two.display.label).toBe('at run');
    expect(await app.creates.two.operation.perform({})).toBe('at run');
  });

  it('fails the build on a function no module of an operation defines, naming it', () => {
    write({
      ...APP,
      'index.js': APP['index.js']!.replace(
        'searches: {},',
        'searches: {}, hydrators: { file: (z, bundle) => 1 },',
      ),
    });
    expect(() => build()).toThrow(/hydrators\.file: no module defines this function/);
  });

  it('fails the build when a module dehydrates (core finds the function by identity, and a stub is not it)', () => {
    write({
      ...APP,
      'creates/one.js': APP['creates/one.js']!.replace(
        'helper.twice(bundle.n)',
        'z.dehydrate(exports.default.operation.perform, {})',
      ),
    });
    expect(() => build()).toThrow(/calls z\.dehydrate.*z\.dehydrate\(exports\.default/);
  });
});
