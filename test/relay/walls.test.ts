import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The relay's walls (architecture: relay → core only): `relay/` imports Node, its three packages, its own files and
 * `hubspot/`; the platforms and operations may import `relay/contract.ts` and nothing else of the relay.
 */
const ROOT = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

describe('relay walls', () => {
  it('relay/ imports only Node, fastify, pg, prom-client, its own files and the HubSpot core', () => {
    const allowedPackages = new Set(['fastify', 'pg', 'prom-client']);
    const outside = tsFiles(join(ROOT, 'relay')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          if (spec.startsWith('node:') || allowedPackages.has(spec)) return false;
          if (!spec.startsWith('.')) return true;
          const target = relative(ROOT, resolve(dirname(file), spec));
          return !target.startsWith('relay/') && !target.startsWith('hubspot/');
        })
        .map((spec) => `${relative(ROOT, file)} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('zapier/, make/ and operations/ reach the relay only through relay/contract.ts', () => {
    const dirs = ['zapier', 'make', 'operations', 'triggers', 'creates', 'searches'];
    const reaching = dirs.flatMap((dir) =>
      tsFiles(join(ROOT, dir)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => /(^|\/)relay\//.test(spec) && !/relay\/contract$/.test(spec))
          .map((spec) => `${relative(ROOT, file)} → ${spec}`),
      ),
    );
    expect(reaching).toEqual([]);
  });
});
