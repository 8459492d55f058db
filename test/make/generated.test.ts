import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateMakeApp } from '../../make/app';
import { generatedFiles, OUTPUT_DIR } from '../../make/build';
import { expressionsIn, SPREAD } from '../../make/iml/evaluate';
import { FUNCTIONS } from '../../make/iml/functions';
import { rpcReference } from '../../make/iml/interface';
import { type Expr, parseExpression } from '../../make/iml/parse';
import { loadValidators, schemaFor } from '../../make/schemas';

/** Where a value holds a `{{...}}` key, as dotted paths. */
function spreadsIn(value: unknown, path: string, out: string[] = []): string[] {
  if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === SPREAD) out.push(path);
      spreadsIn(v, `${path}.${key}`, out);
    }
  return out;
}

function calls(expr: Expr, out: Array<{ name: string; args: number }> = []) {
  if (expr.type === 'call') out.push({ name: expr.name, args: expr.args.length });
  for (const child of Object.values(expr))
    if (child && typeof child === 'object' && 'type' in child) calls(child as Expr, out);
  if (expr.type === 'call') for (const arg of expr.args) calls(arg, out);
  return out;
}

function committedFiles(dir = OUTPUT_DIR): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of committedFiles(path)) out.set(k, v);
    else out.set(relative(OUTPUT_DIR, path), readFileSync(path, 'utf8'));
  }
  return out;
}

describe('make-app/ (generated Make app)', () => {
  const fresh = generatedFiles();

  it('is exactly what `npm run build:make` generates now', () => {
    const committed = committedFiles();
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [path, content] of fresh)
      expect({ path, content: committed.get(path) }).toEqual({ path, content });
  });

  it("validates every file against Make's editor schemas", () => {
    const validator = loadValidators();
    const problems: string[] = [];
    let checked = 0;
    for (const [path, content] of fresh) {
      const schema = schemaFor(path);
      if (!schema) continue;
      const validate = validator(schema);
      checked++;
      if (!validate(JSON.parse(content)))
        problems.push(`${path} (${schema}): ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('emits only IML the test evaluator understands (parses, known functions)', () => {
    const unknown = new Set<string>();
    for (const [path, content] of fresh) {
      if (!path.endsWith('.json')) continue;
      for (const source of expressionsIn(JSON.parse(content))) {
        expect(() => parseExpression(source)).not.toThrow();
        for (const m of source.matchAll(/([A-Za-z_]+)\s*\(/g))
          if (!FUNCTIONS[m[1]!]) unknown.add(`${m[1]} in ${path}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('leans on nothing Make leaves undocumented: a last request that may be skipped, deep spreads, omit without a key', () => {
    const { app } = generateMakeApp();
    const problems: string[] = [];
    const tops = new Set([
      'qs',
      'headers',
      'body',
      'response.output',
      'pagination.qs',
      'pagination.headers',
      'pagination.body',
    ]);
    for (const unit of [...app.modules, ...app.rpcs]) {
      const steps = [unit.communication].flat() as Array<Record<string, unknown>>;
      // https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests#condition
      if (steps.length > 1 && steps.at(-1)!.condition !== undefined)
        problems.push(`${unit.name}: its last request may be skipped`);
      for (const [i, step] of steps.entries())
        for (const where of spreadsIn(step, ''))
          if (!tops.has(where.slice(1)))
            problems.push(`${unit.name}: step ${i + 1} spreads "{{...}}" at ${where.slice(1)}`);
      for (const source of expressionsIn(unit.communication))
        for (const call of calls(parseExpression(source)))
          if (call.name === 'omit' && call.args < 2) problems.push(`${unit.name}: omit() without a key`);
    }
    expect(problems).toEqual([]);
  });

  it('encodes every parameter placed in a URL, and checks it before any request of a mapped module', () => {
    const { app } = generateMakeApp();
    const problems: string[] = [];
    for (const unit of [...app.modules, ...app.rpcs]) {
      const steps = [unit.communication].flat() as Array<Record<string, unknown>>;
      const firstRequest = steps.findIndex((s) => s.url !== undefined);
      const guards = JSON.stringify(steps.slice(0, firstRequest));
      for (const step of steps) {
        const url = String(step.url ?? '');
        // The universal module's path is the URL by design, checked by its own rules (pathSafety tests).
        if (unit.name === 'apiRequest' || !url.includes('parameters.')) continue;
        for (const m of url.matchAll(/\{\{([^}]*parameters\.[^}]*)\}\}/g)) {
          const param = /^encodeURL\(parameters\.(\w+)\)$/.exec(m[1]!)?.[1];
          if (!param) problems.push(`${unit.name}: unencoded ${m[0]}`);
          const mapped = 'moduleType' in unit && unit.moduleType !== 'trigger';
          if (param && mapped && !guards.includes(`parameters.${param} `))
            problems.push(`${unit.name}: ${param} is not checked before the first request`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // https://developers.make.com/custom-apps-documentation/component-blocks/interface ("Dynamic interface using RPC"):
  // `"rpc://nameOfTheRPC"` as an item of the interface array, beside static fields.
  it('names RPCs in interfaces only as Make documents it: a top-level "rpc://name" item, naming an RPC of the app', () => {
    const { app } = generateMakeApp();
    const names = new Set(app.rpcs.map((r) => r.name));
    const problems: string[] = [];
    const nestedStrings = (field: unknown, where: string) => {
      if (!field || typeof field !== 'object') return;
      const spec = (field as { spec?: unknown }).spec;
      if (typeof spec === 'string') problems.push(`${where}: "${spec}" as a spec`);
      for (const child of [spec].flat()) nestedStrings(child, where);
    };
    let references = 0;
    for (const module of app.modules)
      for (const item of module.interface) {
        nestedStrings(item, module.name);
        if (typeof item !== 'string') continue;
        try {
          const rpc = rpcReference(item)!;
          references++;
          if (!names.has(rpc)) problems.push(`${module.name}: "${item}" names no RPC of the app`);
        } catch (error) {
          problems.push(`${module.name}: ${(error as Error).message}`);
        }
      }
    expect(problems).toEqual([]);
    expect(references).toBeGreaterThan(70);
  });

  it('keeps secrets out: app common data only names the relay (filled at deploy), no client secret, no token values', () => {
    const manifest = JSON.parse(fresh.get('makecomapp.json')!);
    expect(manifest.generalCodeFiles.common).toBe('general/common.json');
    expect(JSON.parse(fresh.get('general/common.json')!)).toEqual({ relayUrl: '' });
    for (const c of Object.values(manifest.components.connection) as Array<{
      codeFiles: { common: unknown };
    }>)
      expect(c.codeFiles.common).toBeNull();
    for (const content of fresh.values()) expect(content).not.toMatch(/pat-na1-|clientSecret"\s*:\s*"[^{]/);
  });
});
