import { MakeError } from '../../make/iml/run';
import type { Json } from '../../make/model';
import { MakeRunner } from '../support/make';
import type { TestSandbox } from '../support/sandbox';
import { logCell } from './support/logCell';
import { cell } from './support/recorder';
import type { captureConsole } from './support/secrets';
import { unique } from './support/servers';
import { refusal, requestsDuring } from './support/steps';
import { liveRecords } from './support/world';
import { type AuthData, create, messageOf, performBuffer, search } from './support/zapierPlatform';
import { closeZapierWorld, openZapierWorld } from './support/zapierWorld';

/**
 * Bad input on both platforms: each must fail before anything is written, with a message naming the field (on Make,
 * HubSpot's own 400 names the property), and never as a network failure. Search values shaped like injections must
 * be sent as plain values, matching nothing.
 */

let t: TestSandbox;
let authData: AuthData;
let make: MakeRunner;
let logs: ReturnType<typeof captureConsole>;

beforeAll(async () => {
  ({ t, authData, logs } = await openZapierWorld());
  make = new MakeRunner(t.url, { accessToken: t.token });
});
afterAll(() => closeZapierWorld({ t, logs }));

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
        const requests = await requestsDuring(t, async () => {
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

logCell('the bad-input cells', () => logs);
