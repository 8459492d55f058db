import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

/**
 * Make's editor schemas, vendored in `make/schemas/` (MIT notice and provenance in its README) so the check runs in
 * any clone; `MAKE_SCHEMAS_DIR` points it at another copy, e.g. a newer release of Make's VS Code extension. Every
 * `imljson/*.json` is registered under its file name so the relative `$ref`s resolve, Ajv non-strict (the files use
 * editor-only keywords).
 */
export const SCHEMA_DIR = process.env.MAKE_SCHEMAS_DIR ?? join(__dirname, 'schemas');

/** Which schema validates a local-development file, by its name (the README's mapping). */
const BY_SUFFIX: Array<[RegExp, string]> = [
  [/makecomapp\.json$/, 'makecomapp.schema.json'],
  [/\.oauth-communication\.iml\.json$/, 'api-oauth.json'],
  [/\.communication\.iml\.json$/, 'api.json'],
  // Webhook attach/detach/update are requests too (the README's mapping: `*.attach.iml.json`, `*.detach.iml.json`).
  [/\.(attach|detach|update)\.iml\.json$/, 'api.json'],
  [/common\.json$/, 'common.json'],
  [/base\.iml\.json$/, 'base.json'],
  [/\.(params|static-params|mappable-params|interface)\.iml\.json$/, 'parameters.json'],
  [/\.epoch\.iml\.json$/, 'epoch.json'],
  [/\.samples\.iml\.json$/, 'samples.json'],
  [/\.(default-scope|required-scope|scope)\.iml\.json$/, 'scope.json'],
  [/\.scope-list\.iml\.json$/, 'scopes.json'],
  [/groups\.json$/, 'groups.json'],
];

export function schemaFor(path: string): string | undefined {
  return BY_SUFFIX.find(([pattern]) => pattern.test(path))?.[1];
}

export function loadValidators(): (schemaName: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true, logger: false });
  const imljson = join(SCHEMA_DIR, 'imljson');
  for (const file of readdirSync(imljson).filter((f) => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(imljson, file), 'utf8')), file);
  ajv.addSchema(
    JSON.parse(readFileSync(join(SCHEMA_DIR, 'local-development', 'makecomapp.schema.json'), 'utf8')),
    'makecomapp.schema.json',
  );
  return (name) => {
    const validate = ajv.getSchema(name);
    if (!validate) throw new Error(`No Make schema ${name}`);
    return validate;
  };
}
