import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from '../../scripts/bundleApp';

/**
 * The build's one-file app (`dist/app.js`) must behave as tsc's modules do under Node: same exports, same order of
 * evaluation, cycles seeing partial exports, packages still required by name (the Zapier CLI traces them).
 */
describe('bundleApp', () => {
  let dir: string;
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  const load = (text: string) => {
    const file = join(dir, 'app.js');
    writeFileSync(file, text);
    return require(file);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bundle-app-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    delete (globalThis as { __order?: unknown }).__order;
  });

  it('gives the exports Node gives, cycles and evaluation order included', () => {
    write({
      'index.js': [
        '"use strict";',
        'globalThis.__order = [];',
        'const a = require("./a");',
        'const dir = require("./dir");',
        'const data = require("./data.json");',
        'const path = require("node:path");',
        'exports.default = { a: a.value, seenByB: a.seenByB, dir: dir.name, data, sep: path.posix.sep, order: globalThis.__order };',
      ].join('\n'),
      'a.js': [
        'globalThis.__order.push("a");',
        'exports.early = "early";',
        'const b = require("./b");',
        'exports.value = "a+" + b.value;',
        'exports.seenByB = b.sawEarly;',
      ].join('\n'),
      'b.js': [
        'globalThis.__order.push("b");',
        'const a = require("./a");',
        'exports.sawEarly = a.early;',
        'exports.value = "b";',
      ].join('\n'),
      'dir/index.js': 'globalThis.__order.push("dir"); exports.name = "dir";',
      'data.json': '{ "answer": 42 }',
      'stale.js': 'throw new Error("not required by anyone");',
    });
    const direct = JSON.stringify(require(join(dir, 'index.js')).default);
    jest.resetModules();
    const { text, modules } = bundle(dir);
    expect(modules).toBe(5);
    expect(text).not.toContain('stale.js');
    expect(text).toContain('require("node:path")');
    expect(JSON.stringify(load(text).default)).toBe(direct);
    expect(JSON.parse(direct)).toEqual({
      a: 'a+b',
      seenByB: 'early',
      dir: 'dir',
      data: { answer: 42 },
      sep: '/',
      order: ['a', 'b', 'dir'],
    });
  });

  it.each([
    ['module.exports = __dirname;', '__dirname/__filename'],
    ['const name = "x"; require(name);', 'a require() of a computed name'],
    ['import("./a");', 'a dynamic import()'],
  ])('refuses a module it cannot keep as it was: %s', (source, what) => {
    write({ 'index.js': 'require("./odd");', 'odd.js': source });
    expect(() => bundle(dir)).toThrow(`odd.js: cannot bundle ${what}`);
  });

  it('names the module and the require it cannot resolve', () => {
    write({ 'index.js': 'require("./missing");' });
    expect(() => bundle(dir)).toThrow(
      'index.js: cannot bundle require("./missing"): no such module in the build',
    );
  });
});
