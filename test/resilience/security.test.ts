import { request } from 'node:http';
import { MakeError } from '../../make/iml/run';
import type { LogEntry } from '../../sandbox/requestLog';
import { MakeRunner } from '../support/make';
import type { TestSandbox } from '../support/sandbox';
import { escapeRegExp, inject, resetFaults } from './support/faults';
import { logCell } from './support/logCell';
import { makeOAuth } from './support/makePlatform';
import { type Cell, cell } from './support/recorder';
import { type captureConsole, secret } from './support/secrets';
import { type RecordingServer, startRecordingServer } from './support/servers';
import { attempt, requestsDuring } from './support/steps';
import { putRecord, TYPE_ID } from './support/world';
import { type AuthData, create, messageOf, refresh, search } from './support/zapierPlatform';
import { closeZapierWorld, openZapierWorld } from './support/zapierWorld';

/**
 * Path traversal, host escapes, the sandbox admin API's cross-site guard and a refresh refused for a wrong client,
 * on both platforms.
 * - A record id or object type must never reach another endpoint than the one meant (`..`, `.`, `../companies/N`,
 *   `N?archived=true`): every request the sandbox logs for the cell must be on the intended path.
 * - The API-call operations must never send a request (and the token) to another host: a local "thief" server
 *   counts what reaches it.
 */

let t: TestSandbox;
let authData: AuthData;
let make: MakeRunner;
let thief: RecordingServer;
let logs: ReturnType<typeof captureConsole>;

beforeAll(async () => {
  ({ t, authData, logs } = await openZapierWorld());
  make = new MakeRunner(t.url, { accessToken: t.token });
  thief = await startRecordingServer();
});
afterAll(async () => {
  await thief.close();
  await closeZapierWorld({ t, logs });
});
afterEach(() => resetFaults(t.sandbox));

describe('path traversal', () => {
  /** Ids that must stay one path segment; `company` is a real company's id the traversal aims at. */
  const IDS = (company: string) => ['..', '.', `../companies/${company}`, `${company}?archived=true`];

  /** Counts requests on other paths than the intended ones, and checks the target company is untouched. */
  function judge(c: Cell, requests: LogEntry[], allowed: (path: string) => boolean, company: string) {
    const strays = requests.filter((r) => !allowed(r.path));
    c.escapes += strays.length;
    for (const r of strays)
      c.check(false, `${r.method} ${r.path} reached the sandbox (answered ${r.status})`);
    const target = t.sandbox.portal.records.get(TYPE_ID.companies, company);
    c.check(Boolean(target) && !target!.archived, 'the company the id aimed at was archived');
    c.check(target?.properties.name === 'Untouched', 'the company the id aimed at was changed');
  }

  const contactPath = (id: string) => `/crm/v3/objects/contacts/${encodeURIComponent(id)}`;
  const propertyRead = (path: string) => path.startsWith('/crm/v3/properties/');

  const OPS: Array<{
    name: string;
    platform: 'Zapier' | 'Make';
    run: (id: string) => Promise<unknown>;
  }> = [
    {
      name: 'update contact',
      platform: 'Zapier',
      run: (id) => create('update_contact', authData, { record_id: id, firstname: 'Traversal' }),
    },
    {
      name: 'find contact by e-mail',
      platform: 'Zapier',
      run: (id) => search('find_contact', authData, { search_property: 'email', search_value: id }),
    },
    {
      name: 'archive record',
      platform: 'Zapier',
      run: (id) => create('archive_object', authData, { object_type: 'contacts', record_id: id }),
    },
    {
      name: 'update contact',
      platform: 'Make',
      run: (id) => make.action('updateContact', { record_id: id, firstname: 'Traversal' }),
    },
    {
      name: 'archive record',
      platform: 'Make',
      run: (id) => make.action('archiveObject', { object_type: 'contacts', record_id: id }),
    },
    {
      name: 'update record (any object)',
      platform: 'Make',
      run: (id) =>
        make.action('updateObject', { object_type: 'contacts', record_id: id, firstname: 'Traversal' }),
    },
  ];

  for (const op of OPS) {
    for (const template of IDS('{company}')) {
      cell('path traversal', op.platform, `${op.name} with id ${JSON.stringify(template)}`, async (c) => {
        const company = putRecord(t, 'companies', { name: 'Untouched' }).id;
        const id = template.replace('{company}', company);
        const requests = await requestsDuring(t, () => attempt(c, () => op.run(id)));
        judge(c, requests, (p) => p === contactPath(id) || propertyRead(p), company);
      });
    }
  }

  const TYPES = (company: string) => [
    '../companies',
    'contacts/../companies',
    `companies/${company}/..`,
    '.',
  ];
  const TYPE_OPS: Array<{
    name: string;
    platform: 'Zapier' | 'Make';
    run: (type: string, id: string) => unknown;
  }> = [
    {
      name: 'update record (any object)',
      platform: 'Zapier',
      run: (type, id) =>
        create('update_object', authData, { object_type: type, record_id: id, name: 'Traversal' }),
    },
    {
      name: 'archive record',
      platform: 'Zapier',
      run: (type, id) => create('archive_object', authData, { object_type: type, record_id: id }),
    },
    {
      name: 'update record (any object)',
      platform: 'Make',
      run: (type, id) => make.action('updateObject', { object_type: type, record_id: id, name: 'Traversal' }),
    },
  ];
  for (const op of TYPE_OPS) {
    for (const template of TYPES('{company}')) {
      cell(
        'path traversal',
        op.platform,
        `${op.name} with object type ${JSON.stringify(template)}`,
        async (c) => {
          const company = putRecord(t, 'companies', { name: 'Untouched' }).id;
          const type = template.replace('{company}', company);
          const intended = `/crm/v3/objects/${encodeURIComponent(type)}/${company}`;
          const requests = await requestsDuring(t, () => attempt(c, async () => op.run(type, company)));
          judge(
            c,
            requests,
            (p) =>
              p === intended ||
              p === `/crm/v3/properties/${encodeURIComponent(type)}` ||
              p === `/crm-object-schemas/v3/schemas/${encodeURIComponent(type)}`,
            company,
          );
        },
      );
    }
  }
});

describe('host escapes', () => {
  const PATHS = (host: string) => [
    `http://${host}/steal`,
    `HTTP://${host}/steal`,
    `//${host}/steal`,
    `https://api.hubapi.com@${host}/steal`,
    `\\\\${host}\\steal`,
    `/\\${host}/steal`,
    `@${host}/steal`,
    `${host}/steal`,
    'steal',
  ];

  for (const platform of ['Zapier', 'Make'] as const) {
    for (const template of PATHS('{thief}')) {
      cell('host escapes', platform, `API call to ${JSON.stringify(template)}`, async (c) => {
        const path = template.replace('{thief}', thief.host);
        const before = thief.requests.length;
        try {
          const result =
            platform === 'Zapier'
              ? await create('api_request', authData, { method: 'GET', path })
              : await make.action('apiRequest', { method: 'GET', path });
          c.see(result);
        } catch (error) {
          c.see(error);
        }
        const reached = thief.requests.slice(before);
        c.escapes += reached.length;
        // A request that reached another host with the token leaked it: show it to the secret search.
        c.see(...reached.map((r) => JSON.stringify(r.headers)));
      });
    }
  }
});

describe('sandbox admin API from another site', () => {
  /** A browser-shaped request: any Host header, any content type (fetch forbids setting Host). */
  const raw = (path: string, host: string, contentType: string, body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(t.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: 'POST',
          headers: { host, 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const CASES: Array<[string, string, string, string, string]> = [
    ['text/plain POST mints a token', '/__sandbox/tokens', 'evil.example', 'text/plain', '{}'],
    ['text/plain POST from loopback mints a token', '/__sandbox/tokens', '127.0.0.1', 'text/plain', '{}'],
    [
      'JSON POST with a foreign Host mints a token',
      '/__sandbox/tokens',
      'evil.example',
      'application/json',
      '{}',
    ],
    [
      'form POST registers an OAuth app',
      '/__sandbox/oauth-apps',
      'evil.example:80',
      'application/x-www-form-urlencoded',
      'clientId=evil',
    ],
  ];
  for (const [name, path, host, type, body] of CASES) {
    cell('sandbox admin guard', 'Sandbox', name, async (c) => {
      const tokens = t.sandbox.portal.auth.tokens.size;
      const apps = t.sandbox.portal.auth.oauthApps.length;
      const answer = await raw(path, host, type, body);
      const minted = /"token":"([^"]+)"/.exec(answer.body)?.[1];
      if (minted) secret('token minted cross-site', minted);
      c.see(answer.body);
      c.check(answer.status === 403 || answer.status === 415, `answered ${answer.status}, not 403/415`);
      c.check(t.sandbox.portal.auth.tokens.size === tokens, 'a token was minted');
      c.check(t.sandbox.portal.auth.oauthApps.length === apps, 'an OAuth app was registered');
    });
  }
});

describe('OAuth refresh with a wrong client secret', () => {
  const INVALID_CLIENT = {
    status: 'BAD_CLIENT_SECRET',
    message: 'The client secret is not valid for this client id.',
    error: 'invalid_client',
    error_description: 'client authentication failed',
    correlationId: 'b1f0c2d3-resilience-0000-0000-000000000000',
  };
  for (const status of [400, 401]) {
    cell('token expiry mid-run', 'Zapier', `refresh answered ${status} invalid_client`, async (c) => {
      inject(t.sandbox, [
        { method: 'POST', pathPattern: `^${escapeRegExp('/oauth/v3/token')}$`, status, body: INVALID_CLIENT },
      ]);
      try {
        c.see(await refresh(authData));
        c.check(false, 'the refresh succeeded');
      } catch (error) {
        c.see(error);
        const name = (error as Error).name;
        // Zapier answers RefreshAuthError and ExpiredAuthError by refreshing or by asking the user to reconnect,
        // which cannot fix the publisher's client id and secret.
        c.check(!['RefreshAuthError', 'ExpiredAuthError'].includes(name), `Zapier was told ${name}`);
        c.check(/client/i.test(messageOf(error)), `the message does not point at the client credentials`);
      }
    });
  }
  cell('token expiry mid-run', 'Make', 'refresh answered 401 invalid_client', async (c) => {
    const conn = await makeOAuth(t);
    inject(t.sandbox, [
      {
        method: 'POST',
        pathPattern: `^${escapeRegExp('/oauth/v3/token')}$`,
        status: 401,
        body: INVALID_CLIENT,
      },
    ]);
    try {
      c.see(
        await conn.make.refreshOAuth(conn.common, {
          ...conn.make.connection,
          expires: new Date(0).toISOString(),
        }),
      );
      c.check(false, 'the refresh succeeded');
    } catch (error) {
      c.see(error);
      c.check(
        error instanceof MakeError && error.type === 'InvalidConfigurationError',
        `Make was told ${(error as MakeError).type}`,
      );
    }
  });
});

logCell('the traversal, escape and auth cells', () => logs);
