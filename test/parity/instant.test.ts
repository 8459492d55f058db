import { isDeepStrictEqual } from 'node:util';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { forgetPortalThrottle } from '../../hubspot/throttle';
import { camelCase } from '../../make/naming';
import { newSecret, type RelayEvent } from '../../relay/contract';
import type { Portal } from '../../sandbox';
import { createRecord } from '../../sandbox/objects/write';
import { asZapierRawRequest, signedDelivery } from '../support/fakeRelay';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, testApp, useBaseUrl } from '../support/zapier';
import { INSTANT_DIFFERENCES } from './instantDifferences';

/**
 * One delivery, two platforms: each instant trigger's Zapier hook `perform` (signature checked) and its Make webhook
 * and instant trigger module (the IML runner) get the same delivery, each against a sandbox seeded the same way.
 * Requests (the sandbox log) and outputs must match, or `instantDifferences.ts` says why.
 */

const contacts = findStandardObjectType('contacts')!;
const companies = findStandardObjectType('companies')!;
const tickets = findStandardObjectType('tickets')!;
const deals = findStandardObjectType('deals')!;

interface InstantScenario {
  key: string;
  /** The object type the subscription names (the delivery's `objectType`). */
  objectType: string;
  /** The step's input: Zapier's inputData, Make's webhook parameters. */
  input: Record<string, unknown>;
  setup(portal: Portal): string[];
  events(ids: string[]): RelayEvent[];
}

const base = (i: number, objectId: string, extra: Partial<RelayEvent> = {}): RelayEvent => ({
  eventId: `evt_${i}`,
  occurredAt: Date.parse('2026-01-05T09:00:00Z') + i * 1000,
  portalId: 62515,
  objectTypeId: '0-1',
  objectId,
  event: 'creation',
  ...extra,
});
const twoContacts = (portal: Portal) =>
  [0, 1].map((i) => createRecord(portal, contacts, { properties: { email: `p${i}@example.com` } }).id);
/** Two deals, the second in a second pipeline; the ids, then that pipeline's stage. */
function twoDeals(portal: Portal): string[] {
  const other = portal.pipelines.createPipeline(
    deals,
    {
      label: 'Partners',
      displayOrder: 1,
      stages: [{ label: 'Signed', displayOrder: 0, metadata: { probability: '1.0' } }],
    },
    Date.parse('2026-01-01T00:00:00Z'),
  );
  const stage = other.stages[0]!.id;
  return [
    createRecord(portal, deals, {
      properties: { dealname: 'A', pipeline: 'default', dealstage: 'closedwon' },
    }).id,
    createRecord(portal, deals, { properties: { dealname: 'B', pipeline: other.id, dealstage: stage } }).id,
    stage,
  ];
}
const stageChange = (i: number, id: string, stage: string) =>
  base(i, id, {
    event: 'propertyChange',
    objectTypeId: '0-3',
    propertyName: 'dealstage',
    propertyValue: stage,
    changeSource: 'CRM_UI',
  });
const MISSING = '999999999';

const SCENARIOS: InstantScenario[] = [
  {
    key: 'new_contact_instant',
    objectType: 'contacts',
    input: {},
    setup: twoContacts,
    events: (ids) => [base(1, ids[0]!), base(2, ids[1]!), base(3, MISSING)],
  },
  {
    key: 'contact_property_change_instant',
    objectType: 'contacts',
    input: { property: 'lifecyclestage' },
    setup: twoContacts,
    events: (ids) =>
      ids.map((id, i) =>
        base(i, id, {
          event: 'propertyChange',
          propertyName: 'lifecyclestage',
          propertyValue: 'customer',
          changeSource: 'API',
        }),
      ),
  },
  {
    key: 'new_company_instant',
    objectType: 'companies',
    input: {},
    setup: (portal) => [
      createRecord(portal, companies, { properties: { name: 'Acme', domain: 'acme.example' } }).id,
    ],
    events: (ids) => [base(1, ids[0]!, { objectTypeId: '0-2' }), base(2, MISSING, { objectTypeId: '0-2' })],
  },
  {
    key: 'new_ticket_instant',
    objectType: 'tickets',
    input: {},
    setup: (portal) => [
      createRecord(portal, tickets, {
        properties: { subject: 'Paper out', hs_pipeline: '0', hs_pipeline_stage: '1' },
      }).id,
    ],
    events: (ids) => [base(1, ids[0]!, { objectTypeId: '0-5' }), base(2, ids[0]!, { objectTypeId: '0-5' })],
  },
  {
    key: 'new_object_instant',
    objectType: 'contacts',
    input: { object_type: 'contacts' },
    setup: twoContacts,
    events: (ids) => [base(1, ids[0]!), base(2, ids[1]!)],
  },
  {
    key: 'new_deal_instant',
    objectType: 'deals',
    input: {},
    setup: twoDeals,
    events: (ids) => ids.slice(0, 2).map((id, i) => base(i, id, { objectTypeId: '0-3' })),
  },
  {
    key: 'deal_stage_changed_instant',
    objectType: 'deals',
    input: { pipeline: 'default', dealstage: 'closedwon' },
    setup: twoDeals,
    events: (ids) => [stageChange(1, ids[0]!, 'closedwon'), stageChange(2, ids[0]!, 'appointmentscheduled')],
  },
  {
    key: 'deal_stage_changed_instant',
    objectType: 'deals',
    input: { pipeline: 'default' },
    setup: twoDeals,
    events: (ids) => [stageChange(1, ids[0]!, 'closedwon'), stageChange(2, ids[1]!, ids[2]!)],
  },
  {
    key: 'object_property_change_instant',
    objectType: 'contacts',
    input: { object_type: 'contacts', property: 'email' },
    setup: twoContacts,
    events: (ids) => [
      base(1, ids[0]!, {
        event: 'propertyChange',
        propertyName: 'email',
        propertyValue: 'p0@example.com',
        changeSource: 'CRM_UI',
      }),
    ],
  },
  {
    key: 'object_deleted_instant',
    objectType: 'contacts',
    input: { object_type: 'contacts' },
    setup: twoContacts,
    events: () => [base(1, MISSING, { event: 'deletion' })],
  },
  {
    key: 'association_changed_instant',
    objectType: 'contacts',
    input: { object_type: 'contacts' },
    setup: twoContacts,
    events: (ids) => [
      base(1, ids[0]!, {
        event: 'associationChange',
        association: {
          toObjectTypeId: '0-2',
          toObjectId: '7001',
          associationTypeId: 1,
          associationCategory: 'HUBSPOT_DEFINED',
          removed: false,
        },
      }),
    ],
  },
  {
    key: 'records_merged_instant',
    objectType: 'contacts',
    input: { object_type: 'contacts' },
    setup: twoContacts,
    events: (ids) => [
      base(1, MISSING, { event: 'merge', primaryObjectId: ids[0]!, mergedObjectIds: [MISSING] }),
    ],
  },
];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** As each platform hands items on (JSON), record times (which differ between two sandboxes) blanked. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) =>
    (key === 'createdAt' || key === 'updatedAt' || /date$/.test(key)) &&
    typeof v === 'string' &&
    ISO_TIME.test(v)
      ? '<time>'
      : v,
  );
}
const requestsOf = (t: TestSandbox) =>
  t.sandbox.log.all().map((e) => ({ request: `${e.method} ${e.path}`, body: normalise(e.body) }));

describe('instant triggers: the same delivery on Zapier and on Make', () => {
  const counts = new Map<string, number>();
  const named = SCENARIOS.map((s) => {
    const n = (counts.get(s.key) ?? 0) + 1;
    counts.set(s.key, n);
    return [n === 1 ? s.key : `${s.key}#${n}`, s] as const;
  });

  it.each(named)('%s', async (name, scenario) => {
    const [z, m] = [await startTestSandbox(), await startTestSandbox()];
    try {
      const ids = scenario.setup(z.sandbox.portal);
      expect(scenario.setup(m.sandbox.portal)).toEqual(ids);
      const secret = newSecret();
      const sub = {
        id: 'sub_1',
        secret,
        token: z.token,
        body: { objectType: scenario.objectType, event: 'creation' },
      };
      const signed = signedDelivery(sub, scenario.events(ids));
      for (const t of [z, m]) t.sandbox.log.clear();
      forgetPortalThrottle(String(z.sandbox.portal.info.portalId));

      useBaseUrl(z.url);
      const perform = (testApp.triggers as unknown as Record<string, { operation: { perform: never } }>)[
        scenario.key
      ]!.operation.perform;
      const zapierOutput = await appTester(perform, {
        authData: { access_token: z.token },
        inputData: scenario.input,
        meta: {},
        subscribeData: { id: sub.id, secret },
        rawRequest: asZapierRawRequest(signed),
      } as never);

      const make = new MakeRunner(m.url, { accessToken: m.token });
      const makeOutput = await make.instant(
        camelCase(`watch_${scenario.key}`),
        { body: JSON.parse(signed.body), headers: signed.headers },
        scenario.input,
      );

      const zapier = { requests: requestsOf(z), output: normalise(zapierOutput) };
      const onMake = { requests: requestsOf(m), output: normalise(makeOutput) };
      const same = {
        requests: isDeepStrictEqual(zapier.requests, onMake.requests),
        output: isDeepStrictEqual(zapier.output, onMake.output),
      };
      const expected = INSTANT_DIFFERENCES[name] ?? {};
      const problems: unknown[] = [];
      if (!expected.requests && !same.requests)
        problems.push({ requests: { zapier: zapier.requests, make: onMake.requests } });
      if (expected.requests && same.requests) problems.push('the listed request difference no longer occurs');
      if (!expected.output && !same.output)
        problems.push({ output: { zapier: zapier.output, make: onMake.output } });
      if (expected.output && same.output) problems.push('the listed output difference no longer occurs');
      expect(problems).toEqual([]);
    } finally {
      await Promise.all([z.close(), m.close()]);
    }
  });
});
