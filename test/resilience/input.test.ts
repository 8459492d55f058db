import { request } from 'node:http';
import { MakeError } from '../../make/iml/run';
import type { Json } from '../../make/model';
import type { LogEntry } from '../../sandbox/requestLog';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { useBaseUrl } from '../support/zapier';
import { escapeRegExp, inject, resetFaults } from './support/faults';
import { logCell } from './support/logCell';
import { makeOAuth } from './support/makePlatform';
import { type Cell, cell } from './support/recorder';
import { captureConsole, secret } from './support/secrets';
import { type RecordingServer, startRecordingServer, unique } from './support/servers';
import { liveRecords, putRecord, TYPE_ID } from './support/world';
import {
  type AuthData,
  create,
  messageOf,
  oauthApp,
  oauthAuthData,
  performBuffer,
  refresh,
  search,
} from './support/zapierPlatform';

/**
 * Bad input, path traversal, host escapes and the sandbox admin API's cross-site guard, on both platforms.
 * - Bad input must fail before anything is written, with a message naming the field.
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
  logs = captureConsole();
  t = await startTestSandbox({ rateLimits: false });
  secret('private-app token', t.token);
  useBaseUrl(t.url);
  oauthApp(t);
  authData = oauthAuthData(t);
  make = new MakeRunner(t.url, { accessToken: t.token });
  thief = await startRecordingServer();
});
afterAll(async () => {
  logs.restore();
  delete process.env.HUBSPOT_CLIENT_ID;
  delete process.env.HUBSPOT_CLIENT_SECRET;
  await thief.close();
  await t.close();
});
afterEach(() => resetFaults(t.sandbox));

/** The requests the sandbox logged while `run` ran. */
async function requestsDuring(run: () => Promise<unknown>): Promise<LogEntry[]> {
  const from = t.sandbox.log.all().length;
  await run();
  return t.sandbox.log.all().slice(from);
}

/** Runs a step that must be refused; answers its error (or records that it was accepted). */
async function refusal(c: Cell, step: () => Promise<unknown>): Promise<string | undefined> {
  try {
    const result = await step();
    c.see(result);
    c.check(false, 'the bad input was accepted');
    return undefined;
  } catch (error) {
    c.see(error);
    return error instanceof MakeError ? error.message : messageOf(error);
  }
}

const HUGE = 'A'.repeat(2 * 1024 * 1024);

interface BadInput {
  name: string;
  type: 'contacts' | 'deals';
  /** The field the message must name (label or internal name). */
  field: RegExp;
  zapier: [string, Record<string, unknown>];
  make: [string, Json];
  /** Refused before any request to HubSpot's write endpoint (not only not written). */
  early?: boolean;
}

const e = () => `${unique('bad')}@example.com`;
const DEAL = { pipeline: 'default', dealstage: 'appointmentscheduled' };

const BAD_INPUTS: Array<() => BadInput> = [
  () => {
    const email = e();
    return {
      name: 'unknown property',
      type: 'contacts',
      field: /no_such_property/,
      zapier: ['create_contact', { email, no_such_property: 'x' }],
      make: ['createContact', { email, no_such_property: 'x' }],
    };
  },
  () => {
    const email = e();
    return {
      name: 'bad option',
      type: 'contacts',
      field: /lifecycle ?stage/i,
      zapier: ['create_contact', { email, lifecyclestage: 'not-a-stage' }],
      make: ['createContact', { email, lifecyclestage: 'not-a-stage' }],
    };
  },
  () => ({
    name: 'bad date',
    type: 'deals',
    field: /close ?date/i,
    zapier: ['create_deal', { dealname: unique('d'), ...DEAL, closedate: '31/02/2026' }],
    make: ['createDeal', { dealname: unique('d'), ...DEAL, closedate: '31/02/2026' }],
  }),
  () => ({
    name: 'bad e-mail',
    type: 'contacts',
    field: /e-?mail/i,
    zapier: ['create_contact', { email: 'not-an-email', firstname: unique('x') }],
    make: ['createContact', { email: 'not-an-email', firstname: unique('x') }],
  }),
  () => ({
    name: 'bad number',
    type: 'deals',
    field: /amount/i,
    zapier: ['create_deal', { dealname: unique('d'), ...DEAL, amount: 'twelve hundred' }],
    make: ['createDeal', { dealname: unique('d'), ...DEAL, amount: 'twelve hundred' }],
  }),
  () => ({
    name: 'missing required value (the upsert key)',
    type: 'contacts',
    field: /e-?mail/i,
    zapier: ['create_or_update_contact', { id_property: 'email', firstname: unique('x') }],
    make: ['createOrUpdateContact', { id_property: 'email', firstname: unique('x') }],
  }),
  () => {
    const email = e();
    return {
      name: 'huge string (2 MB first name)',
      type: 'contacts',
      field: /first ?name/i,
      zapier: ['create_contact', { email, firstname: HUGE }],
      make: ['createContact', { email, firstname: HUGE }],
      early: true,
    };
  },
  () => {
    const email = e();
    return {
      name: 'curly braces Zapier refuses in a mapped value',
      type: 'contacts',
      field: /first ?name|curly|\{\{/i,
      zapier: ['create_contact', { email, firstname: '{{bundle.authData.access_token}}' }],
      make: ['createContact', { email, firstname: '{{connection.accessToken}}' }],
    };
  },
];

describe('bad input', () => {
  for (const make_ of BAD_INPUTS) {
    const probe = make_();
    for (const platform of ['Zapier', 'Make'] as const) {
      // The curly-brace guard is Zapier's; on Make the same text is a plain value.
      if (platform === 'Make' && probe.name.startsWith('curly')) continue;
      cell('bad input', platform, probe.name, async (c) => {
        const input = make_();
        const before = liveRecords(t, input.type).length;
        let message: string | undefined;
        const requests = await requestsDuring(async () => {
          message =
            platform === 'Zapier'
              ? await refusal(c, () => create(input.zapier[0], authData, input.zapier[1]))
              : await refusal(c, () => make.action(input.make[0], input.make[1]));
        });
        c.check(liveRecords(t, input.type).length === before, 'a record was written');
        if (message !== undefined) {
          c.check(
            input.field.test(message),
            `the message does not name the field: "${message.slice(0, 300)}"`,
          );
          c.check(!/could not reach hubspot/i.test(message), `bad input reported as a network failure`);
        }
        if (input.early)
          c.check(
            requests.every((r) => r.method === 'GET'),
            `the value was sent to HubSpot (${requests.map((r) => `${r.method} ${r.path}`).join(', ')})`,
          );
      });
    }
  }

  cell('bad input', 'Zapier', 'oversized batch (101 buffered runs): every run written once', async (c) => {
    const marker = unique('big');
    const runs = Array.from({ length: 101 }, (_, i) => ({
      id: `run-${i}`,
      inputData: { object_type: 'products', id_property: 'hs_sku', hs_sku: `${marker}-${i}`, name: marker },
    }));
    const answer = await performBuffer('batch_upsert', authData, runs);
    c.see(answer);
    const written = liveRecords(t, 'products', (r) => r.properties.name === marker);
    c.duplicated += Math.max(0, written.length - 101);
    c.lost += runs.filter((r) => !answer[r.id]?.outputData && !answer[r.id]?.error).length;
    c.lost += runs.filter(
      (r) => answer[r.id]?.outputData && !written.some((w) => w.id === String(answer[r.id]!.outputData!.id)),
    ).length;
  });

  cell('bad input', 'Make', 'oversized batch (101 inputs): refused, nothing written', async (c) => {
    const marker = unique('big');
    const message = await refusal(c, () =>
      make.action('batchUpsert', {
        object_type: 'products',
        id_property: 'hs_sku',
        inputs: Array.from({ length: 101 }, (_, i) => ({
          idProperty: 'hs_sku',
          id: `${marker}-${i}`,
          properties: { name: marker },
        })),
      }),
    );
    c.check(
      liveRecords(t, 'products', (r) => r.properties.name === marker).length === 0,
      'records were written',
    );
    if (message)
      c.check(/100|inputs/i.test(message), `the message does not say what is allowed: "${message}"`);
  });

  const INJECTIONS = [
    `" OR 1=1 --`,
    `'); DROP TABLE contacts; --`,
    '*',
    '%',
    // A log4j-style lookup, written with the dollar sign apart so it is not read as a template placeholder.
    `$${'{'}jndi:ldap://127.0.0.1/x}`,
    '<script>alert(1)</script>',
    'a\u0000b',
    '{{bundle.authData.access_token}}',
  ];
  for (const value of INJECTIONS) {
    for (const platform of ['Zapier', 'Make'] as const) {
      cell('bad input', platform, `injection-shaped search value ${JSON.stringify(value)}`, async (c) => {
        const before = liveRecords(t, 'contacts').length;
        let found: unknown[] = [];
        try {
          found =
            platform === 'Zapier'
              ? await search('find_contact', authData, { search_property: 'firstname', search_value: value })
              : (await make.run('findContact', { search_property: 'firstname', search_value: value }))
                  .outputs;
          c.see(found);
        } catch (error) {
          c.see(error);
          const message = error instanceof MakeError ? error.message : messageOf(error);
          c.check(/value|search/i.test(message), `the refusal does not name the field: "${message}"`);
          c.check(!/could not reach hubspot/i.test(message), 'a search value reported as a network failure');
        }
        c.check(found.length === 0, `the value matched ${found.length} contacts`);
        c.check(liveRecords(t, 'contacts').length === before, 'a search wrote a record');
      });
    }
  }
});

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
        const requests = await requestsDuring(async () => {
          try {
            c.see(await op.run(id));
          } catch (error) {
            c.see(error);
          }
        });
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
          const requests = await requestsDuring(async () => {
            try {
              c.see(await op.run(type, company));
            } catch (error) {
              c.see(error);
            }
          });
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

logCell('the input, traversal and escape cells', () => logs);
