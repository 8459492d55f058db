import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateMakeApp } from './app';
import { hubspotAppScopes } from './connections';
import { appFiles } from './files';

/**
 * `npm run build:make`: regenerates `make-app/` from the shared operation definitions. The output is committed;
 * `test/make/generated.test.ts` fails when it differs from a fresh generation.
 */

export const OUTPUT_DIR = join(__dirname, '..', 'make-app');

export function generatedFiles(): Map<string, string> {
  return appFiles(generateMakeApp().app);
}

function main(): void {
  const { support, app } = generateMakeApp();
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  for (const [path, content] of appFiles(app)) {
    mkdirSync(dirname(join(OUTPUT_DIR, path)), { recursive: true });
    writeFileSync(join(OUTPUT_DIR, path), content);
  }
  console.log(
    `make-app/: ${app.modules.length} modules, ${app.rpcs.length} RPCs, ${app.connections.length} connections`,
  );
  // The HubSpot app behind the OAuth connection must type its scopes so (HubSpot refuses any other authorize URL).
  const scopes = hubspotAppScopes(app.modules);
  console.log(`HubSpot app scope settings: required ${scopes.required.join(' ')}`);
  console.log(`  conditionally required ${scopes.conditionallyRequired.join(' ')}`);
  console.log(`  optional ${scopes.optional.join(' ')}`);
  for (const s of support) {
    if ('unsupported' in s) console.log(`  not on Make: ${s.key} — ${s.unsupported}`);
    if ('pending' in s) console.log(`  pending on Make: ${s.key} — ${s.pending}`);
    if ('unexpressed' in s)
      console.warn(
        `  NO MAKE MODULE: ${s.key} (declare its requests, or give a reason in make/unsupported.ts)`,
      );
  }
}

if (require.main === module) main();
