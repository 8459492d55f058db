import type { Json } from '../../make/model';
import { DEFAULT_LAG_MARGIN_MS } from '../../operations/polling';
import { ManualClock } from '../../sandbox';
import { findStandardObjectType } from '../../sandbox/facts/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * The stage and pipeline labels of Make's deal and ticket modules (`make/stageLabelSteps.ts`), run through the strict
 * IML runner against the sandbox: the labels, an unknown id as its own label, null without a stage, a find over two
 * pages labelled from the one pipelines read made first, a single record's read skipped when it has no stage.
 */
describe('Make deal and ticket modules output stage and pipeline labels', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  const clock = new ManualClock();
  const record = (type: string, properties: Record<string, string>, stored: Record<string, string> = {}) => {
    const created = createRecord(t.sandbox.portal, findStandardObjectType(type)!, { properties });
    // A stage and pipeline deleted since the record was written: the sandbox refuses unknown ids on a write.
    Object.assign(created.properties, stored);
    return created.id;
  };
  const urls = () => make.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);

  beforeAll(async () => {
    t = await startTestSandbox({ clock });
    make = new MakeRunner(t.url, { accessToken: t.token });
    make.now = () => new Date(clock.now());
  });
  afterAll(() => t.close());

  it('labels found deals from one pipelines read made first: known ids, an unknown id as itself, none as null', async () => {
    const known = record('deals', {
      dealname: 'Mixed',
      dealstage: 'appointmentscheduled',
      pipeline: 'default',
    });
    const gone = record(
      'deals',
      { dealname: 'Mixed' },
      { dealstage: 'gone-stage', pipeline: 'gone-pipeline' },
    );
    const bare = record('deals', { dealname: 'Mixed' });
    make.requests = [];
    const { outputs } = await make.run('findDeal', { search_property: 'dealname', search_value: 'Mixed' });
    const byId = new Map((outputs as Json[]).map((o) => [o.id, o]));
    expect(byId.get(known)).toMatchObject({
      dealstage_label: 'Appointment Scheduled',
      pipeline_label: 'Sales Pipeline',
    });
    expect(byId.get(gone)).toMatchObject({ dealstage_label: 'gone-stage', pipeline_label: 'gone-pipeline' });
    expect(byId.get(gone)!.properties).toMatchObject({ dealstage: 'gone-stage', pipeline: 'gone-pipeline' });
    const stageless = byId.get(bare)!;
    expect(stageless.properties).toMatchObject({ dealstage: null, pipeline: null });
    expect(stageless).toMatchObject({ dealstage_label: null, pipeline_label: null });
    expect(urls()).toEqual(['GET /crm/v3/pipelines/deals', 'POST /crm/v3/objects/deals/search']);
  });

  it('labels every item of a find over two pages of search results', async () => {
    for (let i = 0; i < 204; i++)
      record('tickets', { subject: 'Paged', hs_pipeline: '0', hs_pipeline_stage: i % 2 ? '1' : '2' });
    make.requests = [];
    const { outputs } = await make.run('findTicket', {
      search_property: 'subject',
      search_value: 'Paged',
      limit: 203,
    });
    expect(urls()).toEqual([
      'GET /crm/v3/pipelines/tickets',
      'POST /crm/v3/objects/tickets/search',
      'POST /crm/v3/objects/tickets/search',
    ]);
    expect(outputs).toHaveLength(203);
    for (const output of outputs as Json[]) {
      const stage = (output.properties as Json).hs_pipeline_stage;
      expect(output.hs_pipeline_label).toBe('Support Pipeline');
      expect(output.hs_pipeline_stage_label).toBe(stage === '1' ? 'New' : 'Waiting on contact');
    }
  });

  it('labels a created and an updated ticket after their write, and skips the read for a record without a stage', async () => {
    make.requests = [];
    const created = await make.action('createTicket', {
      subject: 'Jam',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
    });
    expect(created).toMatchObject({ hs_pipeline_stage_label: 'New', hs_pipeline_label: 'Support Pipeline' });
    expect(urls()).toEqual(['POST /crm/v3/objects/tickets', 'GET /crm/v3/pipelines/tickets']);

    const gone = record('tickets', { subject: 'Old' }, { hs_pipeline: '99', hs_pipeline_stage: '999' });
    make.requests = [];
    const updated = await make.action('updateTicket', { record_id: gone, subject: 'Older' });
    expect(updated).toMatchObject({ hs_pipeline_stage_label: '999', hs_pipeline_label: '99' });
    expect(urls()).toEqual([`PATCH /crm/v3/objects/tickets/${gone}`, 'GET /crm/v3/pipelines/tickets']);

    const bare = record('deals', { dealname: 'No stage' });
    make.requests = [];
    const plain = await make.action('updateDeal', { record_id: bare, amount: '10' });
    expect(plain.id).toBe(bare);
    // As on Zapier: no stage in the output, no pipelines read and no label keys.
    expect(plain).not.toHaveProperty('dealstage_label');
    expect(plain).not.toHaveProperty('pipeline_label');
    expect(urls()).toEqual([`PATCH /crm/v3/objects/deals/${bare}`]);
  });

  it('labels the deals a watch module emits, and its epoch still lists records', async () => {
    clock.advance(DEFAULT_LAG_MARGIN_MS + 1_000);
    make.requests = [];
    const { emitted } = await make.poll('newDeal', { limit: 100 }, {});
    expect(urls()[0]).toBe('GET /crm/v3/pipelines/deals');
    expect(emitted.length).toBeGreaterThan(3);
    for (const bundle of emitted as Json[]) {
      const stage = (bundle.properties as Json).dealstage;
      const expected =
        stage === 'appointmentscheduled'
          ? 'Appointment Scheduled'
          : stage === 'gone-stage'
            ? 'gone-stage'
            : null;
      expect(bundle.dealstage_label).toBe(expected);
    }
    const items = await make.epoch('newDeal', { limit: 100 });
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toEqual({ label: expect.any(String), date: expect.any(String) });
  });
});
