import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { forgetPortalThrottle } from '../../hubspot/throttle';
import { MakeError } from '../../make/iml/run';
import { camelCase } from '../../make/naming';
import { OPERATIONS } from '../../operations';
import type { LogEntry } from '../../sandbox/requestLog';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, run, testApp, useBaseUrl } from '../support/zapier';
import { EXPECTED_DIFFERENCES } from './differences';
import { namedScenarios, type Scenario, type ServedFile } from './scenarios';

/**
 * One behaviour on both platforms: every scenario runs the operation through the real Zapier app
 * (`createAppTester`) and through the generated Make module (the IML runner), each against its own sandbox seeded
 * the same way. The HubSpot requests (from the sandbox's request log) and the outputs must match, or the difference
 * is listed in `differences.ts` with its reason; a listed difference that no longer occurs fails too, so the list
 * stays true. So docs/make.md's parity table is rendered from that list (`npm run docs`, scripts/parityDoc.ts).
 */

interface Side {
  requests: unknown[];
  output: unknown;
}

/** Reads of the portal's schema that Zapier makes to coerce values; Make types its fields at design time instead. */
const SCHEMA_READ = /^GET \/crm\/v3\/(properties\/[^/]+|owners)$/;

function requestsOf(log: readonly LogEntry[]): unknown[] {
  return log
    .filter((e) => !SCHEMA_READ.test(`${e.method} ${e.path}`))
    .map((e) => ({
      request: `${e.method} ${e.path}`,
      ...(e.query ? { query: Object.fromEntries([...new URLSearchParams(e.query)].sort()) } : {}),
      ...(e.body !== undefined ? { body: normalise(e.body) } : {}),
    }));
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const EPOCH_MS = /^1[789]\d{11}$/;

/** Times differ between two runs; everything else must not. */
function normalise(value: unknown): unknown {
  // A date value in a Make bundle (parseDate) is an ISO time once Make serialises it
  // (https://developers.make.com/custom-apps-documentation/block-elements/parameters/date).
  if (value instanceof Date) return '<time>';
  if (typeof value === 'string') return ISO_TIME.test(value) || EPOCH_MS.test(value) ? '<time>' : value;
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    );
  return value;
}

const kindOf = (key: string) => OPERATIONS.find((o) => o.key === key)!.kind;

/**
 * Zapier's buffered create: `performBuffer` gets every run of the buffer (each its `meta.id` and `inputData`) and
 * answers `{ [run id]: { outputData } | { error } }` (https://docs.zapier.com/platform/build/bulk-create-actions).
 */
function runBuffer(key: string, authData: Record<string, string>, inputs: Record<string, unknown>[]) {
  const op = (testApp.creates as Record<string, { operation: { performBuffer?: unknown } }>)[key]!;
  if (!op.operation.performBuffer) throw new Error(`${key} has no performBuffer on Zapier`);
  return appTester(
    op.operation.performBuffer as never,
    {
      authData,
      inputData: {},
      buffer: inputs.map((inputData, i) => ({ meta: { id: `run-${i + 1}` }, inputData })),
    } as never,
  );
}

async function onZapier(t: TestSandbox, scenario: Scenario, ids: Record<string, string>): Promise<Side> {
  useBaseUrl(t.url);
  const kind = kindOf(scenario.key);
  const authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
  let output: unknown;
  try {
    const input = scenario.input(ids);
    output = scenario.runs
      ? await runBuffer(
          scenario.key,
          authData,
          scenario.runs(ids).map((own) => ({ ...input, ...own })),
        )
      : await run(
          kind === 'trigger' ? 'triggers' : kind === 'search' ? 'searches' : 'creates',
          scenario.key,
          {
            authData,
            inputData: input,
          },
        );
  } catch (error) {
    output = { error: (error as Error).message };
  }
  return { requests: requestsOf(t.sandbox.log.all()), output: normalise(output) };
}

async function onMake(t: TestSandbox, scenario: Scenario, ids: Record<string, string>): Promise<Side> {
  const make = new MakeRunner(t.url, { accessToken: t.token });
  const kind = kindOf(scenario.key);
  const parameters = (scenario.makeInput ?? scenario.input)(ids);
  let output: unknown;
  try {
    const { outputs } = await make.run(camelCase(scenario.key), parameters);
    output = kind === 'create' ? outputs[0] : outputs;
  } catch (error) {
    output = { error: error instanceof MakeError ? error.message : String(error) };
  }
  return { requests: requestsOf(t.sandbox.log.all()), output: normalise(output) };
}

type RecordOut = { id?: unknown; properties?: unknown; archived?: unknown; is_new?: unknown; new?: unknown };

/**
 * What a buffered write's two outputs must agree on whatever their shapes (listed in differences.ts): the records
 * written, by id with their properties (and, for an upsert, whether each was created), or for an archive how many
 * ids were sent. Zapier answers per run (`{ [run id]: { outputData } }`), Make with one bundle (HubSpot's batch
 * answer, or the archived count).
 */
function bufferedRecords(zapier: unknown, make: unknown): { zapier: unknown; make: unknown } {
  const runs = Object.values(zapier as Record<string, { outputData?: RecordOut }>).map((r) => r.outputData);
  const answer = make as { results?: RecordOut[]; archived?: unknown };
  if (typeof answer.archived === 'number')
    return { zapier: runs.filter((o) => o?.archived === true).length, make: answer.archived };
  const records = (list: readonly (RecordOut | undefined)[]) =>
    list
      // An upsert's "created": Zapier's `is_new`, HubSpot's `new` in Make's batch answer.
      .map((r) => ({ id: r?.id, properties: r?.properties, created: r?.is_new ?? r?.new }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return { zapier: records(runs), make: records(answer.results ?? []) };
}

interface Row {
  name: string;
  key: string;
  requests: boolean;
  output: boolean;
  zapier: Side;
  make: Side;
}

/** Serves each scenario's file, as a Zapier file field is a URL the step downloads (a hydrated or public link). */
async function startFileServer(
  files: readonly ServedFile[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const byPath = new Map(files.map((f) => [`/files/${encodeURIComponent(f.name)}`, f]));
  const server: Server = createServer((req, res) => {
    const file = byPath.get(req.url ?? '');
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.contentType }).end(file.data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Zapier ↔ Make: the same requests and outputs for the same inputs', () => {
  const named = namedScenarios();
  let files: Awaited<ReturnType<typeof startFileServer>>;
  beforeAll(async () => {
    files = await startFileServer(named.flatMap(([, s]) => (s.file ? [s.file] : [])));
  });
  afterAll(() => files.close());

  it.each(named)('%s', async (name, scenario) => {
    const [z, m] = [await startTestSandbox(), await startTestSandbox()];
    try {
      const zIds = scenario.setup?.(z.sandbox.portal) ?? {};
      const mIds = scenario.setup?.(m.sandbox.portal) ?? {};
      expect(mIds).toEqual(zIds);
      if (scenario.file) zIds.file_url = `${files.url}/${encodeURIComponent(scenario.file.name)}`;
      for (const t of [z, m]) t.sandbox.log.clear();
      forgetPortalThrottle(String(z.sandbox.portal.info.portalId));
      const zapier = await onZapier(z, scenario, zIds);
      const make = await onMake(m, scenario, mIds);
      const row: Row = {
        name,
        key: scenario.key,
        requests: isDeepStrictEqual(zapier.requests, make.requests),
        output: isDeepStrictEqual(zapier.output, make.output),
        zapier,
        make,
      };
      const expected = EXPECTED_DIFFERENCES[name] ?? {};
      // A difference needs its reason; a reason needs its difference.
      const problems: unknown[] = [];
      if (!expected.requests && !row.requests)
        problems.push({ requests: { zapier: zapier.requests, make: make.requests } });
      if (expected.requests && row.requests) problems.push('the listed request difference no longer occurs');
      if (!expected.output && !row.output)
        problems.push({ output: { zapier: zapier.output, make: make.output } });
      if (expected.output && row.output) problems.push('the listed output difference no longer occurs');
      expect(problems).toEqual([]);
      if (scenario.runs) {
        const written = bufferedRecords(zapier.output, make.output);
        expect(written.make).toEqual(written.zapier);
        expect(written.zapier).not.toEqual([]);
      }
    } finally {
      await Promise.all([z.close(), m.close()]);
    }
  });
});
