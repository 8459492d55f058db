import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { OUTPUT_DIR } from '../../make/build';
import { deploy } from '../../make/deploy';

/** `make:deploy` against a local stand-in for Make's SDK API (the routes @makehq/sdk calls). */
describe('make:deploy', () => {
  let server: Server;
  let zone: string;
  const received: Array<{ method: string; path: string; auth?: string; type?: string; body: string }> = [];
  const existing = {
    connections: [{ name: 'hubspot-bridge-2', label: 'HubSpot private app token', type: 'basic' }],
  };

  beforeAll(async () => {
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
        if (req.method === 'GET' && path.endsWith('/connections'))
          return answer({ appConnections: existing.connections });
        if (req.method === 'POST' && path.endsWith('/connections'))
          return answer({ appConnection: { name: 'hubspot-bridge-1', ...JSON.parse(body) } });
        if (req.method === 'GET' && path.endsWith('/rpcs'))
          return answer({ appRpcs: [{ name: 'listOwners', label: 'x' }] });
        if (req.method === 'POST' && path.endsWith('/rpcs')) return answer({ appRpc: JSON.parse(body) });
        if (req.method === 'GET' && path.endsWith('/modules')) return answer({ appModules: [] });
        if (/modules(\/[^/]+)?$/.test(path) && req.method !== 'PUT')
          return answer({ appModule: JSON.parse(body) });
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
  const moduleNames = Object.keys(manifest.components.module);

  it('--dry-run prints the calls and sends nothing', async () => {
    const lines: string[] = [];
    const calls = await deploy({ dryRun: true, zone, protocol: 'http', env: {}, log: (l) => lines.push(l) });
    expect(received).toEqual([]);
    expect(lines.every((l) => l.startsWith('[dry run] '))).toBe(true);
    expect(calls).toContain('PUT module createContact api');
    expect(calls).toContain('PUT app hubspot-bridge base');
  });

  it('refuses to deploy without an API key', async () => {
    await expect(deploy({ zone, protocol: 'http', env: {}, dir: OUTPUT_DIR, log: () => {} })).rejects.toThrow(
      /MAKE_API_KEY/,
    );
  });

  it("pushes every section, creating what Make lacks, with the API key and the files' content", async () => {
    const apiKey = '00000000-0000-4000-8000-000000000000';
    await deploy({
      zone,
      protocol: 'http',
      env: {
        MAKE_API_KEY: apiKey,
        HUBSPOT_CLIENT_ID: 'test-client-id',
        HUBSPOT_CLIENT_SECRET: 'test-client-secret',
      },
      log: () => {},
    });
    expect(received.every((r) => r.auth === `Token ${apiKey}`)).toBe(true);
    const puts = received.filter((r) => r.method === 'PUT').map((r) => r.path);
    // The OAuth connection was created (name from Make); the token connection existed and was matched by label.
    expect(received.filter((r) => r.method === 'POST' && r.path.endsWith('/connections'))).toHaveLength(1);
    expect(puts).toContain('/sdk/apps/connections/hubspot-bridge-1/api');
    expect(puts).toContain('/sdk/apps/connections/hubspot-bridge-2/api');
    const common = received.find((r) => r.path === '/sdk/apps/connections/hubspot-bridge-1/common')!;
    expect(JSON.parse(common.body)).toEqual({
      clientId: 'test-client-id',
      clientSecret: 'test-client-secret',
    });
    // Existing RPCs are not re-created; every module is created and gets its sections.
    expect(
      received.some(
        (r) => r.method === 'POST' && r.path.endsWith('/rpcs') && r.body.includes('"listOwners"'),
      ),
    ).toBe(false);
    for (const name of moduleNames) expect(puts).toContain(`/sdk/apps/hubspot-bridge/1/modules/${name}/api`);
    const api = received.find((r) => r.path === '/sdk/apps/hubspot-bridge/1/modules/createContact/api')!;
    expect(api.type).toBe('application/jsonc');
    expect(api.body).toBe(
      readFileSync(
        join(OUTPUT_DIR, manifest.components.module.createContact.codeFiles.communication),
        'utf8',
      ),
    );
    const patch = received.find((r) => r.method === 'PATCH' && r.path.endsWith('/modules/createContact'))!;
    expect(JSON.parse(patch.body)).toEqual({
      connection: 'hubspot-bridge-1',
      altConnection: 'hubspot-bridge-2',
    });
  });
});
