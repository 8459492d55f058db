import { readFileSync } from 'node:fs';
import { DEFAULT_FORMS_BASE_URL } from '../hubspot/config';
import { generateMakeApp } from './app';
import { MakeError, runCommunication } from './iml/run';
import type { Json, MakeApp, MakeModule } from './model';
import { HUBSPOT_API } from './objectRef';

/**
 * `make:try`'s core: runs one generated module, as Make would run it, against a HubSpot (a sandbox, or a real
 * portal with a token) through the strict IML runner, and reports the requests it sent, the bundles it output and the
 * Make error it ended with. The command line and the embedded sandbox are in `scripts/makeTry.ts`.
 */

export const USAGE =
  'usage: npm run make:try -- <module> --param key=value [--param key=value ...] [--connection-token TOKEN] [--base-url URL]';

export interface TryArgs {
  module: string;
  params: Json;
  token?: string;
  baseUrl?: string;
}

/** A bad command line: the message says which argument and what is allowed. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseTryArgs(argv: readonly string[]): TryArgs {
  const args: TryArgs = { module: '', params: {} };
  const flagValue = (flag: string, i: number): string => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} needs a value\n${USAGE}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--param') {
      const pair = flagValue(arg, i++);
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--param takes key=value, not "${pair}"\n${USAGE}`);
      args.params[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (arg === '--connection-token') args.token = flagValue(arg, i++);
    else if (arg === '--base-url') args.baseUrl = flagValue(arg, i++);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else if (args.module)
      throw new UsageError(`one module at a time (got "${args.module}" and "${arg}")\n${USAGE}`);
    else args.module = arg;
  }
  if (!args.module)
    throw new UsageError(`which module? (a Make module name, such as createContact)\n${USAGE}`);
  if (args.baseUrl !== undefined) {
    if (!/^https?:\/\/[^/]+/.test(args.baseUrl))
      throw new UsageError(`--base-url must be an http(s) URL, such as http://127.0.0.1:8787\n${USAGE}`);
    if (args.token === undefined)
      throw new UsageError(`--base-url needs --connection-token (its access token)\n${USAGE}`);
  }
  return args;
}

/** A module by its Make name (`createContact`), its operation key (`create_contact`) or its folder (`create-contact`). */
export function findModule(app: MakeApp, name: string): MakeModule {
  const wanted = name.replace(/[-_]/g, '').toLowerCase();
  const found = app.modules.find((m) => m.name.toLowerCase() === wanted || m.operationKey === name);
  if (found) return found;
  throw new UsageError(`no Make module "${name}"; one of: ${app.modules.map((m) => m.name).join(', ')}`);
}

/**
 * A parameter as typed on the command line, as its Make type wants it: numbers for number types, true/false for a
 * boolean, a JSON array or collection when written as JSON (`[...]`, `{...}`), comma-separated values for an array,
 * bytes for a buffer (`@file` or the text itself), text otherwise.
 */
function typed(module: MakeModule, name: string, value: string): unknown {
  const param = [...module.staticParams, ...module.mappableParams].find(
    (p): p is Json => typeof p === 'object' && p.name === name,
  );
  const type = param?.type;
  if (
    /^[[{]/.test(value) &&
    (type === undefined || type === 'array' || type === 'collection' || type === 'any')
  ) {
    try {
      return JSON.parse(value);
    } catch {
      throw new UsageError(`--param ${name}: not valid JSON`);
    }
  }
  // A file's bytes: `@path` reads a file, anything else is the file's text.
  if (type === 'buffer')
    return value.startsWith('@')
      ? new Uint8Array(readFileSync(value.slice(1)))
      : new TextEncoder().encode(value);
  if (type === 'array') return value === '' ? [] : value.split(',');
  if (type === 'number' || type === 'integer' || type === 'uinteger') {
    const n = Number(value);
    if (value === '' || Number.isNaN(n))
      throw new UsageError(`--param ${name}: a number is expected, not "${value}"`);
    return n;
  }
  if (type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw new UsageError(`--param ${name}: true or false`);
    return value === 'true';
  }
  return value;
}

/** The command line's parameters, typed for the module (a `UsageError` names a value its type refuses). */
export function typedParams(module: MakeModule, params: Json): Json {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? typed(module, k, v) : v]),
  );
}

export interface TryReport {
  module: MakeModule;
  requests: Array<{ method: string; url: string; body?: unknown }>;
  bundles: unknown[];
  error?: { type: string; message: string; status?: number };
}

/**
 * Runs the module once (a trigger: its first poll) with the token as the connection's. With `baseUrl`, HubSpot's
 * hosts (API and forms) are replaced by it; without, the module calls HubSpot itself.
 */
export async function tryModule(
  args: TryArgs & { token: string },
  app: MakeApp = generateMakeApp().app,
): Promise<TryReport> {
  const module = findModule(app, args.module);
  const parameters = typedParams(module, args.params);
  const report: TryReport = { module, requests: [], bundles: [] };
  const base = args.baseUrl?.replace(/\/+$/, '');
  const rewriteUrl = base
    ? (url: string) => url.replace(HUBSPOT_API, base).replace(DEFAULT_FORMS_BASE_URL, base)
    : undefined;
  try {
    const { outputs } = await runCommunication(
      module.communication,
      { parameters, connection: { accessToken: args.token }, data: {} },
      { base: app.base, rewriteUrl, onRequest: (r) => report.requests.push(r) },
    );
    report.bundles = outputs;
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    report.error = { type: error.type, message: error.message, status: error.statusCode };
  }
  return report;
}

/** Pretty JSON, a file's bytes shown by their size only. */
const json = (v: unknown) =>
  JSON.stringify(
    v,
    (_, x) => (x instanceof Uint8Array || x?.type === 'Buffer' ? `<${x.length ?? x.data?.length} bytes>` : x),
    2,
  ) ?? 'undefined';
const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** The report as text, every occurrence of the token replaced (a URL or a body echoing it cannot leak it). */
export function formatReport(report: TryReport, token: string): string {
  const { module } = report;
  const lines = [
    `${module.name} (${module.label}, ${module.moduleType})`,
    '',
    `Requests (${report.requests.length}):`,
  ];
  for (const [i, r] of report.requests.entries()) {
    lines.push(`  ${i + 1}. ${r.method} ${r.url}`);
    if (r.body !== undefined) lines.push(`     body: ${indent(json(r.body), '     ')}`);
  }
  lines.push('', `Bundles (${report.bundles.length}):`);
  for (const [i, b] of report.bundles.entries()) lines.push(`  ${i + 1}. ${indent(json(b), '     ')}`);
  if (report.error) lines.push('', `Make error: ${report.error.type}: ${report.error.message}`);
  const text = lines.join('\n');
  return token ? text.split(token).join('[token redacted]') : text;
}
