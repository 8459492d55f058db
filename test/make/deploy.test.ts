import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { OUTPUT_DIR } from '../../make/build';
import { deploy } from '../../make/deploy';

type Json = Record<string, unknown>;
interface Received {
  method: string;
  path: string;
  auth?: string;
  type?: string;
  body: string;
}

/**
 * `make:deploy` against a local stand-in for Make's API (the routes @makehq/sdk and Make's VS Code extension call):
 * Make names connections and webhooks itself and answers the created component.
 */
describe('make:deploy', () => {
  let server: Server;
  let zone: string;
  const received: Received[] = [];
  /** What the stand-in's Make app already has. */
  const existing = {
    connections: [{ name: 'hubspot-bridge-2', label: 'HubSpot private app token', type: 'basic' }],
    rpcs: [{ name: 'listOwners', label: 'x' }],
  };

  beforeAll(async () => {
    let made = 0;
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const path = req.url!.replace(/^\/api\/v2/, '');
        received.push({
          method: req.method!,
          path,
          auth: req.headers.authorization,
          type: req.headers['content-type'],
          body,
        });
        const answer = (value: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        const sent = () => (body ? JSON.parse(body) : {});
        const list = /\/(connections|webhooks|rpcs|modules)$/.exec(path)?.[1];
        if (req.method === 'GET' && list === 'connections')
          return answer({ appConnections: existing.connections });
        if (req.method === 'GET' && list === 'webhooks') return answer({ appWebhooks: [] });
        if (req.method === 'GET' && list === 'rpcs') return answer({ appRpcs: existing.rpcs });
        if (req.method === 'GET' && list === 'modules') return answer({ appModules: [] });
        if (req.method === 'POST' && list === 'connections')
          return answer({ appConnection: { name: `hubspot-bridge-${++made + 2}`, ...sent() } });
        if (req.method === 'POST' && list === 'webhooks')
          return answer({ appWebhook: { name: `hubspot-bridge-hook-${++made}`, ...sent() } });
        if (req.method === 'POST' && list === 'rpcs') return answer({ appRpc: sent() });
        if (req.method === 'POST' && list === 'modules') return answer({ appModule: sent() });
        if (req.method === 'PATCH') return answer({ appModule: sent(), appRpc: sent(), appWebhook: sent() });
        return answer({ changed: true });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    zone = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
  });

  const manifest = JSON.parse(readFileSync(join(OUTPUT_DIR, 'makecomapp.json'), 'utf8'));
  const modules = manifest.components.module as Record<string, Json & { codeFiles: Record<string, string> }>;
  const rpcNames = Object.keys(manifest.components.rpc);
  const apiKey = '00000000-0000-4000-8000-000000000000';
  const credentials = {
    HUBSPOT_CLIENT_ID: 'fake-client-id-0000',
    HUBSPOT_CLIENT_SECRET: 'fake-client-secret-0000',
    RELAY_URL: 'https://relay.bridge.test',
  };
  const posted = (suffix: string) =>
    received
      .filter((r) => r.method === 'POST' && r.path.endsWith(suffix))
      .map((r) => JSON.parse(r.body) as Json);
  const indexOf = (method: string, path: string) =>
    received.findIndex((r) => r.method === method && r.path === path);

  it('--dry-run prints every call with the fields it sets, sends nothing, and shows no secret', async () => {
    const lines: string[] = [];
    const calls = await deploy({
      dryRun: true,
      zone,
      protocol: 'http',
      env: { MAKE_API_KEY: apiKey, ...credentials },
      log: (l) => lines.push(l),
    });
    expect(received).toEqual([]);
    expect(lines.every((l) => l.startsWith('[dry run] '))).toBe(true);
    const output = lines.join('\n');
    for (const secret of [apiKey, ...Object.values(credentials)]) expect(output).not.toContain(secret);
    expect(output).toContain('"clientId":"<HUBSPOT_CLIENT_ID>","clientSecret":"<HUBSPOT_CLIENT_SECRET>"');

    const created = (kind: string) =>
      calls
        .filter((c) => c.startsWith(`POST /sdk/apps/hubspot-bridge/1/${kind} `))
        .map((c) => JSON.parse(c.slice(c.indexOf('{'))) as Json);
    // Every RPC and module is attached to both connections (named by Make once created: here their local ids).
    expect(created('rpcs').map((r) => r.name)).toEqual(rpcNames);
    for (const rpc of created('rpcs'))
      expect(rpc).toMatchObject({ connection: '<hubspot>', altConnection: '<hubspotToken>' });
    for (const module of created('modules')) {
      const meta = modules[String(module.name)]!;
      expect(module).toMatchObject({ connection: '<hubspot>', altConnection: '<hubspotToken>' });
      if (meta.moduleType === 'action') expect(module.crud).toBe(meta.actionCrud);
      else expect(module).not.toHaveProperty('crud');
    }
    expect(created('modules').find((m) => m.name === 'apiRequest')).toMatchObject({
      typeId: 12,
      subtype: 'Universal',
    });
    expect(calls).toContain(
      'PUT /sdk/apps/hubspot-bridge/1/modules/createContact/api < modules/create-contact/create-contact.communication.iml.json',
    );
    expect(calls).toContain('PUT /sdk/apps/hubspot-bridge/1/base < general/base.iml.json');
  });

  it('--dry-run without the HubSpot credentials still prints, marking them missing', async () => {
    const lines: string[] = [];
    await deploy({ dryRun: true, zone, protocol: 'http', env: {}, log: (l) => lines.push(l) });
    expect(received).toEqual([]);
    expect(lines).toContain(
      '[dry run] HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET missing: a real deploy stops before any call.',
    );
    expect(lines.join('\n')).toContain(
      '"clientId":"<missing HUBSPOT_CLIENT_ID>","clientSecret":"<missing HUBSPOT_CLIENT_SECRET>"',
    );
  });

  it('refuses to deploy without an API key', async () => {
    await expect(
      deploy({ zone, protocol: 'http', env: { ...credentials }, dir: OUTPUT_DIR, log: () => {} }),
    ).rejects.toThrow(/MAKE_API_KEY/);
    expect(received).toEqual([]);
  });

  it('refuses to deploy without the HubSpot client id and secret, before any call', async () => {
    for (const env of [{ MAKE_API_KEY: apiKey }, { MAKE_API_KEY: apiKey, HUBSPOT_CLIENT_ID: 'fake-id' }]) {
      const deploying = deploy({ zone, protocol: 'http', env, log: () => {} });
      await expect(deploying).rejects.toThrow(/HUBSPOT_CLIENT_SECRET.*Nothing was sent to Make/);
    }
    await expect(
      deploy({ zone, protocol: 'http', env: { MAKE_API_KEY: apiKey }, log: () => {} }),
    ).rejects.toThrow(/set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET/);
    expect(received).toEqual([]);
  });

  it('creates what Make lacks with its connections, subtype and crud, in dependency order, then every section', async () => {
    const lines: string[] = [];
    await deploy({
      zone,
      protocol: 'http',
      env: { MAKE_API_KEY: apiKey, ...credentials },
      log: (l) => lines.push(l),
    });
    expect(received.every((r) => r.auth === `Token ${apiKey}`)).toBe(true);
    // What it prints is what it sends, call for call.
    expect(lines.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(
      received.map((r) => `${r.method} ${r.path}`),
    );

    // The OAuth connection is created (Make names it); the token connection exists and is matched by label.
    expect(posted('/connections')).toEqual([{ label: 'HubSpot (OAuth)', type: 'oauth' }]);
    const oauth = 'hubspot-bridge-3';
    const token = 'hubspot-bridge-2';
    const common = received.find((r) => r.path === `/sdk/apps/connections/${oauth}/common`)!;
    expect(JSON.parse(common.body)).toEqual({
      clientId: credentials.HUBSPOT_CLIENT_ID,
      clientSecret: credentials.HUBSPOT_CLIENT_SECRET,
    });
    expect(indexOf('PUT', `/sdk/apps/connections/${token}/api`)).toBeGreaterThan(-1);

    // Every RPC: created with both connections, or (existing) PATCHed with them.
    const rpcs = posted('/hubspot-bridge/1/rpcs');
    expect(rpcs.map((r) => r.name).sort()).toEqual(rpcNames.filter((n) => n !== 'listOwners').sort());
    for (const rpc of rpcs)
      expect(rpc).toEqual({
        label: expect.any(String),
        name: rpc.name,
        connection: oauth,
        altConnection: token,
      });
    const patched = received.find((r) => r.method === 'PATCH' && r.path.endsWith('/rpcs/listOwners'))!;
    expect(JSON.parse(patched.body)).toEqual({
      label: manifest.components.rpc.listOwners.label,
      connection: oauth,
      altConnection: token,
    });

    // Every module: its type id, crud for actions, the universal subtype, both connections, a blank template.
    const created = posted('/hubspot-bridge/1/modules');
    expect(created.map((m) => m.name)).toEqual(Object.keys(modules));
    const typeIds: Record<string, number> = {
      trigger: 1,
      action: 4,
      search: 9,
      instant_trigger: 10,
      universal: 12,
    };
    for (const module of created) {
      const meta = modules[String(module.name)]!;
      expect(module).toEqual({
        name: module.name,
        label: meta.label,
        description: meta.description,
        typeId: typeIds[String(meta.moduleType)],
        ...(meta.moduleType === 'action' ? { crud: meta.actionCrud } : {}),
        ...(meta.moduleType === 'universal' ? { subtype: 'Universal' } : {}),
        ...(meta.moduleType === 'instant_trigger'
          ? { webhook: expect.stringMatching(/^hubspot-bridge-hook-\d+$/) }
          : {}),
        connection: oauth,
        altConnection: token,
        moduleInitMode: 'blank',
      });
      if (meta.moduleType === 'action') expect(['create', 'read', 'update', 'delete']).toContain(module.crud);
    }

    // Order: connections before anything refers to them; a component before its sections; groups after the modules.
    const firstReference = received.findIndex((r) => r.method === 'POST' && /\/(rpcs|modules)$/.test(r.path));
    expect(indexOf('POST', '/sdk/apps/hubspot-bridge/connections')).toBeLessThan(firstReference);
    expect(indexOf('PUT', `/sdk/apps/connections/${oauth}/api`)).toBeLessThan(firstReference);
    for (const name of Object.keys(modules)) {
      const create = received.findIndex((r) => r.method === 'POST' && r.body.includes(`"name":"${name}"`));
      const api = indexOf('PUT', `/sdk/apps/hubspot-bridge/1/modules/${name}/api`);
      expect(create).toBeGreaterThan(-1);
      expect(api).toBeGreaterThan(create);
    }
    const lastModule = received.findLastIndex((r) => r.path.includes('/modules/'));
    expect(indexOf('PUT', '/sdk/apps/hubspot-bridge/1/groups')).toBeGreaterThan(lastModule);

    const api = received.find((r) => r.path === '/sdk/apps/hubspot-bridge/1/modules/createContact/api')!;
    expect(api.type).toBe('application/jsonc');
    expect(api.body).toBe(
      readFileSync(join(OUTPUT_DIR, modules.createContact!.codeFiles.communication!), 'utf8'),
    );
  });

  it('creates each relay webhook (dedicated, both connections) before the instant trigger that names it, and fills the relay address', async () => {
    await deploy({ zone, protocol: 'http', env: { MAKE_API_KEY: apiKey, ...credentials }, log: () => {} });
    const webhooks = manifest.components.webhook as Record<string, { label: string }>;
    const hooks = posted('/hubspot-bridge/webhooks');
    expect(hooks.map((h) => h.label)).toEqual(Object.values(webhooks).map((w) => w.label));
    for (const hook of hooks)
      expect(hook).toEqual({
        label: hook.label,
        type: 'web',
        connection: expect.stringMatching(/^hubspot-bridge-\d+$/),
        altConnection: 'hubspot-bridge-2',
      });
    // Make names each webhook (in creation order here); its sections go to that name, and its module refers to it.
    const names = received
      .filter((r) => r.method === 'PUT' && r.path.startsWith('/sdk/apps/webhooks/'))
      .map((r) => r.path.split('/')[4]!);
    const hookNames = [...new Set(names)];
    expect(hookNames).toHaveLength(hooks.length);
    for (const name of hookNames) {
      const sections = received
        .filter((r) => r.method === 'PUT' && r.path.startsWith(`/sdk/apps/webhooks/${name}/`))
        .map((r) => r.path.split('/').pop());
      expect(sections).toEqual(['api', 'parameters', 'attach', 'detach']);
    }
    const localIds = Object.keys(webhooks);
    const instant = posted('/hubspot-bridge/1/modules').filter((m) => m.typeId === 10);
    expect(instant).toHaveLength(localIds.length);
    for (const module of instant) {
      const local = String(modules[String(module.name)]!.webhook);
      expect(module.webhook).toBe(hookNames[localIds.indexOf(local)]);
    }
    expect(received.findLastIndex((r) => r.path.includes('/sdk/apps/webhooks/'))).toBeLessThan(
      received.findIndex((r) => r.method === 'POST' && r.path.endsWith('/1/modules')),
    );
    const common = received.find((r) => r.path === '/sdk/apps/hubspot-bridge/1/common')!;
    expect(JSON.parse(common.body)).toEqual({ relayUrl: credentials.RELAY_URL });
  });

  it('refuses a real deploy without RELAY_URL (before any call); a dry run marks it missing', async () => {
    const { RELAY_URL: _relay, ...withoutRelay } = credentials;
    await expect(
      deploy({ zone, protocol: 'http', env: { MAKE_API_KEY: apiKey, ...withoutRelay }, log: () => {} }),
    ).rejects.toThrow(/set RELAY_URL/);
    expect(received).toEqual([]);
    const lines: string[] = [];
    await deploy({ dryRun: true, zone, protocol: 'http', env: withoutRelay, log: (l) => lines.push(l) });
    expect(lines).toContain('[dry run] RELAY_URL missing: a real deploy stops before any call.');
    expect(lines.join('\n')).toContain('"relayUrl":"<missing RELAY_URL>"');
  });
});
