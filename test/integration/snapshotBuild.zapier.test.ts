import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import zapier from 'zapier-platform-core';
import { snapshot } from '../../scripts/snapshotApp';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { testApp as sourceApp, useBaseUrl } from '../support/zapier';

/**
 * The build's snapshot (`scripts/snapshotApp.ts`, `dist/app.js`) must be the app the TypeScript source defines: the
 * same definition (functions by presence and arity), and stubs that, once called, do what the source's functions do,
 * against the sandbox on a real local port. Builds tsc's output into its own folder, so `dist/` is left alone.
 */
const REPO = resolve(__dirname, '../..');
const OUT = join(REPO, 'dist', 'snapshot-test');

type AnyApp = Record<string, unknown>;
type Perform = (...args: unknown[]) => unknown;

/** The definition with each function replaced by its arity, undefined keys dropped: what deep equality compares. */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, shape(v)]),
    );
  return value;
}

describe('snapshot build of the Zapier app', () => {
  let built: AnyApp;
  let stubs: number;
  let t: TestSandbox;
  let authData: Record<string, string>;

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT],
      {
        cwd: REPO,
      },
    );
    const result = snapshot(OUT);
    stubs = result.functions;
    writeFileSync(join(OUT, 'app.js'), result.text);
    built = require(join(OUT, 'app.js')).default;
    t = await startTestSandbox();
    useBaseUrl(t.url);
    authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(OUT, { recursive: true, force: true });
  });

  it('defines what the source defines, every function a stub of the same arity', () => {
    expect(Object.keys(built.triggers as object).length).toBeGreaterThan(100);
    expect(stubs).toBeGreaterThan(300);
    const { flags: _flags, ...source } = sourceApp as AnyApp;
    expect(shape(built)).toEqual(shape(source));
  });

  it('serializes to the definition the source serializes to (what Zapier stores: arity, use of arguments)', () => {
    // zapier-platform-core's `definition` command (src/create-command-handler.js) answers with serializeApp.
    const { serializeApp } = require('zapier-platform-core/src/tools/schema');
    const { flags: _flags, ...source } = sourceApp as AnyApp;
    const fromBuild = serializeApp(built);
    expect(fromBuild).toEqual(serializeApp(source));
    expect(JSON.stringify(fromBuild)).toContain('"perform":"$func$2$f$"');
  });

  it('passes the schema validation core runs on every invocation', () => {
    // zapier-platform-core src/tools/schema.js: what `createApp` checks before it runs anything.
    const { validateApp, prepareApp } = require('zapier-platform-core/src/tools/schema');
    expect(validateApp(prepareApp(built))).toEqual([]);
    // The check can fail: a version Zapier does not accept.
    expect(validateApp(prepareApp({ ...built, version: 'not a version' })).length).toBeGreaterThan(0);
  });

  const runBoth = async (kind: 'triggers' | 'creates' | 'searches', key: string, inputData: object) => {
    const outputs = [];
    for (const app of [sourceApp as AnyApp, built]) {
      const withFlags: AnyApp = { ...app, flags: { skipHttpPatch: true } };
      const perform = (withFlags[kind] as Record<string, { operation: { perform: Perform } }>)[key]!.operation
        .perform;
      outputs.push(
        await zapier.createAppTester(withFlags)(perform as never, { authData, inputData } as never),
      );
    }
    return outputs;
  };

  it('runs a stubbed search as the source does, against the sandbox', async () => {
    const made = await t.call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'snap@example.com', firstname: 'Snap' },
    });
    expect(made.status).toBe(201);
    t.sandbox.log.clear();
    const [fromSource, fromBuild] = await runBoth('searches', 'find_contact', {
      search_property: 'email',
      search_value: 'snap@example.com',
    });
    expect(fromBuild).toEqual(fromSource);
    expect((fromBuild as Array<{ properties: { email: string } }>)[0]!.properties.email).toBe(
      'snap@example.com',
    );
    // Both asked HubSpot the same thing, once each.
    const calls = Object.values(t.sandbox.log.countsByEndpoint()).reduce((a, b) => a + b, 0);
    expect(calls % 2).toBe(0);
    expect(calls).toBeGreaterThan(0);
  });

  it('runs a stubbed create as the source does (same record but for id and dates)', async () => {
    const outputs = [];
    for (const app of [sourceApp as AnyApp, built]) {
      const withFlags: AnyApp = { ...app, flags: { skipHttpPatch: true } };
      const perform = (withFlags.creates as Record<string, { operation: { perform: Perform } }>)
        .create_contact!.operation.perform;
      const made = (await zapier.createAppTester(withFlags)(
        perform as never,
        {
          authData,
          inputData: { email: `both${outputs.length}@example.com`, firstname: 'Ada', lifecyclestage: 'Lead' },
        } as never,
      )) as Record<string, unknown> & { properties: Record<string, unknown> };
      outputs.push(made);
    }
    const [a, b] = outputs.map(({ id, createdAt, updatedAt, properties, ...rest }) => {
      const { email, hs_object_id, createdate, lastmodifieddate, ...props } = properties;
      expect(String(id)).toMatch(/^\d+$/);
      return { ...rest, props };
    });
    expect(b).toEqual(a);
    expect(outputs[1]!.properties.email).toBe('both1@example.com');
    expect(t.sandbox.portal.records.get('0-1', String(outputs[1]!.id))!.properties.lifecyclestage).toBe(
      'lead',
    );
  });

  it('runs a hidden dropdown trigger (rebuilt from its source, not from a module) as the source does', async () => {
    const [fromSource, fromBuild] = await runBoth('triggers', 'owner_list', {});
    expect(fromBuild).toEqual(fromSource);
    expect((fromBuild as unknown[]).length).toBeGreaterThan(0);
  });

  it('reads HUBSPOT_API_VERSION when it runs, not the value the build saw', async () => {
    const saved = process.env.HUBSPOT_API_VERSION;
    process.env.HUBSPOT_API_VERSION = '2026-03';
    try {
      let fresh: AnyApp = {};
      jest.isolateModules(() => {
        fresh = require(join(OUT, 'app.js')).default;
      });
      t.sandbox.log.clear();
      const app: AnyApp = { ...fresh, flags: { skipHttpPatch: true } };
      const perform = (app.searches as Record<string, { operation: { perform: Perform } }>).find_contact!
        .operation.perform;
      await zapier.createAppTester(app)(
        perform as never,
        {
          authData,
          inputData: { search_property: 'email', search_value: 'snap@example.com' },
        } as never,
      );
      const paths = t.sandbox.log.all().map((e) => e.path);
      expect(paths.some((p) => p.includes('2026-03'))).toBe(true);
      // Built under the legacy family (crm/v3); run under 2026-03, which has dated twins of those paths.
      expect(paths.filter((p) => /^\/crm\/v3\//.test(p))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.HUBSPOT_API_VERSION;
      else process.env.HUBSPOT_API_VERSION = saved;
    }
  });
});
