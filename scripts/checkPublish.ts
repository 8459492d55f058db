import app from '../index';
import { checkPublish } from './publish/check';
import type { AppDefinition } from './publish/definition';
import { RULES } from './publish/rules';

/**
 * `npm run check:publish`: Zapier's publishing rules that can be checked offline, over the app definition Zapier
 * receives. Prints each finding with its rule id and source, and exits 1 when there is any (CI runs it).
 */

const { findings, exempted } = checkPublish(app as unknown as AppDefinition);
for (const f of findings) console.log(`${f.rule}\t${f.where}: ${f.message}\n\t${RULES[f.rule]?.source}`);
const exemptedRules = [...new Set(exempted.map((f) => f.rule))].map(
  (rule) => `${rule} ×${exempted.filter((f) => f.rule === rule).length}`,
);
console.log(
  `check:publish: ${findings.length} finding(s)` +
    (exempted.length > 0
      ? `; ${exempted.length} exempted (${exemptedRules.join(', ')}; reasons in scripts/publish/exemptions.ts)`
      : ''),
);
if (findings.length > 0) process.exitCode = 1;
