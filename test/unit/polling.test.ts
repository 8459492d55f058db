import { HubSpotClient } from '../../hubspot/client';
import { makeResponse, type Transport } from '../../hubspot/transport';
import { pollRecords, type Watermark } from '../../operations/polling';
import type { SearchRequest } from '../../operations/search';
import type { OperationContext } from '../../operations/types';
import { FakeClock } from './fakeClock';

/**
 * A stand-in for HubSpot's search endpoint: answers queued pages in order and keeps every request body. (nock is used
 * by client.test.ts; two nock instances in one jest worker intercept each other, so this file needs none.)
 */
const answers: unknown[] = [];
const bodies: SearchRequest[] = [];
const searchTransport: Transport = async (req) => {
  expect(req.url).toMatch(/\/crm\/v3\/objects\/contacts\/search$/);
  bodies.push(req.json as SearchRequest);
  const answer = answers.shift();
  if (answer === undefined) throw new Error('No answer queued for this search');
  return makeResponse(200, {}, JSON.stringify(answer));
};
beforeEach(() => {
  answers.length = 0;
  bodies.length = 0;
});

const record = (id: number, modified: number) => ({
  id: String(id),
  properties: { hs_object_id: String(id), lastmodifieddate: new Date(modified).toISOString() },
  createdAt: new Date(modified).toISOString(),
  updatedAt: new Date(modified).toISOString(),
});

function context(state: Map<string, unknown>, clock = new FakeClock()): OperationContext {
  return {
    api: new HubSpotClient({ accessToken: 'pat-na1-00000000-fake', clock, transport: searchTransport }),
    schema: { properties: async () => [], owners: async () => [] },
    state: {
      get: async <T>(key: string) => state.get(key) as T | undefined,
      set: async (key, value) => void state.set(key, value),
    },
    input: {},
    isLoadingSample: false,
    isPopulatingDedupe: false,
    withSearch: false,
    page: 0,
    now: () => clock.now(),
    log: () => {},
  };
}

const spec = {
  objectType: 'contacts',
  timeProperty: 'lastmodifieddate',
  properties: ['email'],
  stateKey: 'm',
  lagMarginMs: 30_000,
};

describe('pollRecords: the closed polling window', () => {
  it('first poll returns the latest records and sets the watermark to now minus the lag margin', async () => {
    const state = new Map<string, unknown>();
    const ctx = context(state);
    answers.push({ total: 1, results: [record(7, ctx.now() - 60_000)] });
    const { records } = await pollRecords(ctx, spec);
    expect(records.map((r) => r.id)).toEqual(['7']);
    expect(bodies[0]!.sorts).toEqual([{ propertyName: 'lastmodifieddate', direction: 'DESCENDING' }]);
    expect(state.get('watermark:m')).toEqual({ from: ctx.now() - 30_000 });
  });

  it('reads (watermark, now - margin] in id order and moves the watermark to the window end; idle costs one call', async () => {
    const clock = new FakeClock();
    const state = new Map<string, unknown>([
      ['watermark:m', { from: clock.now() - 100_000 } satisfies Watermark],
    ]);
    const ctx = context(state, clock);
    answers.push({ total: 2, results: [record(1, clock.now() - 50_000), record(2, clock.now() - 40_000)] });
    const first = await pollRecords(ctx, spec);
    expect(first.records.map((r) => r.id)).toEqual(['2', '1']); // newest first
    expect(bodies[0]!.sorts).toEqual([{ propertyName: 'hs_object_id', direction: 'ASCENDING' }]);
    expect(bodies[0]!.filterGroups![0]!.filters).toEqual([
      { propertyName: 'lastmodifieddate', operator: 'GT', value: String(clock.now() - 100_000) },
      { propertyName: 'lastmodifieddate', operator: 'LTE', value: String(clock.now() - 30_000) },
    ]);
    expect(state.get('watermark:m')).toEqual({ from: clock.now() - 30_000 });

    clock.advance(60_000); // the next invocation, with its own client
    answers.push({ total: 0, results: [] });
    expect((await pollRecords(context(state, clock), spec)).records).toEqual([]);
    expect(bodies).toHaveLength(2);
    expect(answers).toHaveLength(0);
  });

  it('stops at its cap mid-window and resumes after the last id, never with an offset', async () => {
    const clock = new FakeClock();
    const start = clock.now() - 100_000;
    const state = new Map<string, unknown>([['watermark:m', { from: start } satisfies Watermark]]);
    const ctx = context(state, clock);
    const page = (ids: number[], more: boolean) => ({
      total: 99,
      results: ids.map((id) => record(id, start + 1)),
      ...(more ? { paging: { next: { after: String(ids.length) } } } : {}),
    });
    answers.push(page([1, 2], true));
    const capped = await pollRecords(ctx, { ...spec, maxRecordsPerPoll: 2 });
    expect(capped.records).toHaveLength(2);
    expect(state.get('watermark:m')).toEqual({ from: start, to: clock.now() - 30_000, lastId: '2' });

    clock.advance(5_000); // the next invocation reuses the stored window, not extended
    answers.push(page([3], false));
    await pollRecords(context(state, clock), { ...spec, maxRecordsPerPoll: 2 });
    const resumed = bodies[1];
    expect(resumed!.after).toBeUndefined();
    expect(resumed!.filterGroups![0]!.filters).toContainEqual({
      propertyName: 'hs_object_id',
      operator: 'GT',
      value: '2',
    });
    expect(resumed!.filterGroups![0]!.filters).toContainEqual({
      propertyName: 'lastmodifieddate',
      operator: 'LTE',
      value: String(clock.now() - 5_000 - 30_000),
    });
    expect(state.get('watermark:m')).toEqual({ from: clock.now() - 5_000 - 30_000 });
  });
});
