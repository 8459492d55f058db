import { HubSpotClient } from '../../hubspot/client';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import type { HttpRequest, HttpResponse } from '../../hubspot/transport';
import { generateMakeApp } from '../../make/app';
import { type Json, runCommunication } from '../../make/iml/run';
import { renderRequest } from '../../make/renderRequest';
import { OPERATIONS } from '../../operations';
import type { PortalPropertyDefinition } from '../../operations/propertyFields';
import { input, isLeaf, OBJECT_TYPE, path, type RequestSpec, type Template } from '../../operations/request';
import { runRequests, runState } from '../../operations/runRequests';
import type { OperationContext, OperationDef } from '../../operations/types';

/**
 * Behaviour is declared once (`operations/request.ts`): every operation declares its requests or says why it is
 * code, and a declaration sends the same request and outputs the same thing through the connector's interpreter
 * (`operations/runRequests.ts`, via `perform`) and through its Make module (`make/renderRequest.ts`, run by the
 * strict IML runner, which refuses IML Make does not document).
 */

const API = 'https://api.hubapi.test';
const byKey = (key: string) => OPERATIONS.find((o) => o.key === key)!;

let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
const savedBase = process.env.HUBSPOT_BASE_URL;
beforeAll(async () => {
  nock = (await import('nock')).default;
  nock.disableNetConnect();
  process.env.HUBSPOT_BASE_URL = API;
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
  if (savedBase === undefined) delete process.env.HUBSPOT_BASE_URL;
  else process.env.HUBSPOT_BASE_URL = savedBase;
});
afterEach(() => nock.cleanAll());

const PROPERTIES: PortalPropertyDefinition[] = [
  { name: 'email', label: 'Email', type: 'string', fieldType: 'text' },
  { name: 'firstname', label: 'First name', type: 'string', fieldType: 'text' },
  { name: 'hs_note_body', label: 'Note body', type: 'string', fieldType: 'html' },
  { name: 'hs_timestamp', label: 'Timestamp', type: 'datetime', fieldType: 'date' },
] as PortalPropertyDefinition[];

const RECORD = {
  id: '51',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  properties: { email: 'ada@example.com', firstname: 'Ada' },
};

/** HubSpot's answer to the next request of that method. */
type Answer = [method: string, status: number, data: unknown];

interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

const sent = (method: string, url: string, body: unknown): Sent => {
  const u = new URL(url);
  return {
    method,
    path: u.pathname,
    query: Object.fromEntries([...u.searchParams].sort()),
    ...(body === undefined || body === ''
      ? {}
      : { body: typeof body === 'string' ? JSON.parse(body) : body }),
  };
};

/** The operation's `perform` on a stub transport answering `answers` in order. */
async function onConnector(def: OperationDef, input: Json, answers: Answer[]) {
  const requests: Sent[] = [];
  const queue = [...answers];
  const transport = async (req: HttpRequest): Promise<HttpResponse> => {
    requests.push(sent(req.method, req.url, req.json));
    const [, status, data] = queue.shift() ?? ['GET', 500, {}];
    const text = data === undefined ? '' : JSON.stringify(data);
    return { status, headers: {}, text, json: () => (text ? JSON.parse(text) : undefined) };
  };
  const ctx: OperationContext = {
    api: new HubSpotClient({ accessToken: 'pat-test', transport }),
    schema: { properties: async () => PROPERTIES, owners: async () => [] },
    state: { get: async () => undefined, set: async () => undefined },
    input,
    isLoadingSample: false,
    isPopulatingDedupe: false,
    withSearch: false,
    page: 0,
    now: () => Date.now(),
    log: () => undefined,
  };
  const output = await def.perform(ctx);
  return { requests, output };
}

/** The generated Make module on nock answering `answers` in order. */
async function onMake(def: OperationDef, parameters: Json, answers: Answer[]) {
  const { app } = generateMakeApp();
  const module = app.modules.find((m) => m.operationKey === def.key)!;
  const requests: Sent[] = [];
  // Answered in order per method; the requests themselves are what `onRequest` records.
  for (const [method, status, data] of answers)
    nock(API)
      .intercept(/.*/, method)
      .query(true)
      .reply(status, data as Record<string, unknown>);
  const result = await runCommunication(
    module.communication,
    { parameters, connection: { accessToken: 'pat-test' } },
    {
      base: app.base,
      rewriteUrl: (url) => url.replace(/^https:\/\/api\.hubapi\.com/, API),
      onRequest: (r) => requests.push(sent(r.method, r.url, r.body)),
    },
  );
  return { requests, output: result.outputs };
}

describe('every operation declares its requests or says why it is code', () => {
  const shown = OPERATIONS.filter((o) => !o.hidden);

  it.each(shown.map((o) => [o.key, o]))('%s', (_key, op) => {
    const declared = (op.requests?.length ?? 0) > 0;
    expect({ declared, reason: op.code?.reason ?? '' }).toEqual(
      declared
        ? { declared, reason: expect.any(String) }
        : { declared, reason: expect.stringMatching(/.{40}/) },
    );
  });

  it("renders a Make module for each operation that declares requests, with one HubSpot request per declaration (and the stage labels' pipelines read)", () => {
    const { app } = generateMakeApp();
    for (const op of shown.filter((o) => o.requests?.length)) {
      const module = app.modules.find((m) => m.operationKey === op.key);
      const steps = [module?.communication ?? []].flat().filter((s) => (s as Json).url !== undefined);
      const pipelinesReads = op.requests!.filter((r) => r.stageLabels).length;
      expect({ key: op.key, requests: steps.length }).toEqual({
        key: op.key,
        requests: op.requests!.length + pipelinesReads,
      });
    }
  });

  it('declares no leaf the interpreter or the renderer does not know', () => {
    const known = new Set([
      'input',
      'objectType',
      'typeProperty',
      'properties',
      'retrieve',
      'propertyNamedBy',
      'associations',
      'temp',
      'answer',
      'limit',
      'changeKey',
      'filterGroups',
    ]);
    const leaves = (t: Template | undefined): string[] => {
      if (t === undefined || typeof t !== 'object') return [];
      if (isLeaf(t)) return [t.$];
      return Object.values(t as Record<string, Template>).flatMap(leaves);
    };
    const all = OPERATIONS.flatMap((o) =>
      (o.requests ?? []).flatMap((r: RequestSpec) => [
        ...leaves(r.body),
        ...leaves(r.query),
        ...leaves(r.output as unknown as Template),
      ]),
    );
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((l) => !known.has(l))).toEqual([]);
  });
});

describe('one declaration, the same requests and output on both platforms', () => {
  it('update by unique property: the path, idProperty and the record properties', async () => {
    const input = { record_id: 'ada@example.com', id_property: 'email', firstname: 'Ada' };
    const zapier = await onConnector(byKey('update_contact'), input, [['PATCH', 200, RECORD]]);
    const make = await onMake(byKey('update_contact'), input, [['PATCH', 200, RECORD]]);
    expect(zapier.requests).toEqual([
      {
        method: 'PATCH',
        path: '/crm/v3/objects/contacts/ada%40example.com',
        query: { idProperty: 'email' },
        body: { properties: { firstname: 'Ada' } },
      },
    ]);
    expect(make.requests).toEqual(zapier.requests);
    expect(make.output).toEqual([zapier.output]);
    expect(zapier.output).toMatchObject({ id: '51', archived: false });
  });

  it('upsert: the value of the property named in "Match on", the first result, is_new', async () => {
    const input = { id_property: 'email', email: 'ada@example.com', firstname: 'Ada' };
    const answer: Answer = ['POST', 200, { status: 'COMPLETE', results: [{ ...RECORD, new: true }] }];
    const zapier = await onConnector(byKey('create_or_update_contact'), input, [answer]);
    const make = await onMake(byKey('create_or_update_contact'), input, [answer]);
    expect(zapier.requests[0]).toEqual({
      method: 'POST',
      path: '/crm/v3/objects/contacts/batch/upsert',
      query: {},
      body: {
        inputs: [
          {
            idProperty: 'email',
            id: 'ada@example.com',
            properties: { email: 'ada@example.com', firstname: 'Ada' },
          },
        ],
      },
    });
    expect(make.requests).toEqual(zapier.requests);
    expect(make.output).toEqual([zapier.output]);
    expect(zapier.output).toMatchObject({ id: '51', is_new: true });
  });

  it('archive: the id found by the first request goes to the second (temp), fixed output', async () => {
    const input = { object_type: 'contacts', record_id: 'ada@example.com', id_property: 'email' };
    const answers: Answer[] = [
      ['GET', 200, RECORD],
      ['DELETE', 204, undefined],
    ];
    const zapier = await onConnector(byKey('archive_object'), input, answers);
    const make = await onMake(byKey('archive_object'), input, answers);
    expect(zapier.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /crm/v3/objects/contacts/ada%40example.com',
      'DELETE /crm/v3/objects/contacts/51',
    ]);
    expect(make.requests).toEqual(zapier.requests);
    expect(zapier.output).toEqual({ id: '51', archived: true, object_type: 'contacts' });
    expect(make.output).toEqual([zapier.output]);
  });

  it('find on a non-unique property: one search of 10, with the property searched on among those asked', async () => {
    const input = { search_property: 'firstname', search_value: 'Ada' };
    const answer: Answer = ['POST', 200, { total: 1, results: [RECORD] }];
    const zapier = await onConnector(byKey('find_contact'), input, [answer]);
    const make = await onMake(byKey('find_contact'), input, [answer]);
    const body = zapier.requests[0]!.body as { limit: number; properties: string[] };
    expect(body.limit).toBe(10);
    expect(body.properties).toEqual(expect.arrayContaining(['email', 'firstname', 'hubspot_owner_id']));
    expect(make.requests).toEqual(zapier.requests);
    expect(make.output).toEqual(zapier.output);
    expect(zapier.output).toEqual([expect.objectContaining({ id: '51' })]);
  });

  it('an engagement: inline associations with HubSpot default types, and the ids it was associated with', async () => {
    const input = { hs_timestamp: '1767603600000', contact_ids: ['51', '52'], hs_note_body: 'Called' };
    const answer: Answer = ['POST', 201, { ...RECORD, properties: { hs_note_body: 'Called' } }];
    const zapier = await onConnector(byKey('create_note'), input, [answer]);
    const make = await onMake(byKey('create_note'), input, [answer]);
    const associations = (zapier.requests[0]!.body as { associations: unknown[] }).associations;
    expect(associations).toEqual([
      { to: { id: '51' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] },
      { to: { id: '52' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] },
    ]);
    expect((make.requests[0]!.body as { associations: unknown[] }).associations).toEqual(associations);
    expect(zapier.output).toMatchObject({ associated_ids: { contacts: ['51', '52'], companies: [] } });
    expect((make.output[0] as Json).associated_ids).toEqual((zapier.output as Json).associated_ids);
  });

  it('refuses a mapped id that is not a record id before any call, naming the field', async () => {
    const input = { primary_id: '51', merged_id: '../52', object_type: 'contacts' };
    await expect(onConnector(byKey('merge_records'), input, [])).rejects.toThrow(/merged_id|to merge/);
  });
});

describe('pagination, as declared', () => {
  const page = (ids: string[], after?: string) => ({
    results: ids.map((id) => ({ ...RECORD, id })),
    ...(after ? { paging: { next: { after } } } : {}),
  });
  const listing = (cursor: 'body' | 'query'): RequestSpec => ({
    method: cursor === 'body' ? 'POST' : 'GET',
    path: path(cursor === 'body' ? paths.objects.search : paths.objects.list, OBJECT_TYPE),
    ...(cursor === 'query' ? { query: { limit: 2, archived: input('archived', { optional: true }) } } : {}),
    ...(cursor === 'body' ? { body: { limit: 2 }, search: true } : {}),
    pagination: { cursor },
    output: { kind: 'results', limit: { $: 'limit', default: 3, max: 100 } },
  });
  const contacts = findStandardObjectType('contacts')!;
  const def = {
    key: 'list_contacts',
    kind: 'search',
    inputFields: [],
    requests: [],
  } as unknown as OperationDef;

  it.each(['body', 'query'] as const)(
    'pages with `after` in the %s, up to the limit, on both sides',
    async (cursor) => {
      const method = cursor === 'body' ? 'POST' : 'GET';
      const answers: Answer[] = [
        [method, 200, page(['1', '2'], 'c2')],
        [method, 200, page(['3', '4'], 'c4')],
      ];
      const zapierSent: Sent[] = [];
      const queue = [...answers];
      const transport = async (req: HttpRequest): Promise<HttpResponse> => {
        zapierSent.push(sent(req.method, req.url, req.json));
        const [, status, data] = queue.shift()!;
        const text = JSON.stringify(data);
        return { status, headers: {}, text, json: () => JSON.parse(text) };
      };
      const ctx = {
        api: new HubSpotClient({ accessToken: 'pat-test', transport }),
        input: {},
      } as unknown as OperationContext;
      const spec = listing(cursor);
      const zapier = await runRequests(ctx, [spec], runState(contacts, def));
      expect((zapier as Json[]).map((r) => r.id)).toEqual(['1', '2', '3']);
      const afters = zapierSent.map((r) => (cursor === 'body' ? (r.body as Json).after : r.query.after));
      expect(afters).toEqual([undefined, 'c2']);

      const makeSent: Sent[] = [];
      for (const [m, status, data] of answers)
        nock(API)
          .intercept(/.*/, m)
          .query(true)
          .reply(status, data as Record<string, unknown>);
      const { outputs } = await runCommunication(
        renderRequest(spec, def, 'contacts'),
        { parameters: {}, connection: { accessToken: 'pat-test' } },
        {
          base: generateMakeApp().app.base,
          rewriteUrl: (url) => url.replace(/^https:\/\/api\.hubapi\.com/, API),
          onRequest: (r) => makeSent.push(sent(r.method, r.url, r.body)),
        },
      );
      expect(makeSent).toEqual(zapierSent);
      expect(outputs).toEqual(zapier);
    },
  );
});
