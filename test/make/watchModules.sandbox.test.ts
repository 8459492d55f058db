import type { TriggerState } from '../../make/iml/run';
import type { Json } from '../../make/model';
import { DEFAULT_LAG_MARGIN_MS } from '../../operations/polling';
import { ManualClock } from '../../sandbox';
import { findStandardObjectType } from '../../sandbox/facts/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * The polling watch modules with several requests a run (property changes, deal stages: `make/watchModules.ts`;
 * form submissions: `make/formWatchModule.ts`), run by the IML runner against the sandbox: a first run, a change, a
 * run that emits exactly the new changes, no repeat, and nothing skipped when a run stops at its limit.
 */
const PAST_MARGIN = DEFAULT_LAG_MARGIN_MS + 1_000;

describe('Make watch modules with several requests a run', () => {
  let t: TestSandbox;
  let clock: ManualClock;
  let make: MakeRunner;

  beforeAll(async () => {
    clock = new ManualClock();
    t = await startTestSandbox({ clock });
    make = new MakeRunner(t.url, { accessToken: t.token });
    make.now = () => new Date(clock.now());
  });
  afterAll(() => t.close());

  async function create(type: string, properties: Json): Promise<string> {
    clock.advance(1_000);
    const res = await t.call('POST', `/crm/v3/objects/${type}`, { properties });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  async function update(type: string, id: string, properties: Json): Promise<void> {
    clock.advance(1_000);
    const res = await t.call('PATCH', `/crm/v3/objects/${type}/${id}`, { properties });
    expect(res.status).toBe(200);
  }

  /** A state "from now on": Make's epoch choice that starts after everything written so far. */
  function fromNow(): TriggerState {
    clock.advance(PAST_MARGIN);
    return { lastDate: new Date(clock.now() - DEFAULT_LAG_MARGIN_MS).toISOString() };
  }

  /** Polls until a run emits nothing, answering every bundle in order and the runs it took. */
  async function drain(name: string, params: Json, state: TriggerState) {
    const bundles: Json[] = [];
    let runs = 0;
    for (;;) {
      // Runs are minutes apart; a second is enough to keep CRM search under its 5 requests a second.
      clock.advance(1_000);
      const run = await make.poll(name, params, state);
      runs++;
      if (run.emitted.length === 0) return { bundles, runs, state };
      bundles.push(...(run.emitted as Json[]));
      state = run.state;
      if (runs > 20) throw new Error('no end');
    }
  }

  describe('contactPropertyChange', () => {
    const params = { property: 'jobtitle', limit: 100 };

    it('emits one bundle per changed record, with the value before, then nothing again', async () => {
      const a = await create('contacts', { email: 'pc-a@example.com', jobtitle: 'Analyst' });
      const b = await create('contacts', { email: 'pc-b@example.com', jobtitle: 'Clerk' });
      const start = fromNow();
      await update('contacts', a, { jobtitle: 'Engineer' });
      await update('contacts', b, { firstname: 'Not the watched property' });
      clock.advance(PAST_MARGIN);
      make.requests = [];
      const first = await make.poll('contactPropertyChange', params, start);
      expect(first.emitted).toEqual([
        expect.objectContaining({
          id: a,
          record_id: a,
          property: 'jobtitle',
          value: 'Engineer',
          previous_value: 'Analyst',
          source_type: 'INTEGRATION',
          changed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          dedupe_key: expect.stringMatching(new RegExp(`^${a}-jobtitle-\\d{13}$`)),
          properties: expect.objectContaining({ email: 'pc-a@example.com', jobtitle: 'Engineer' }),
        }),
      ]);
      // One search page and one history read: the second page and its read are skipped.
      expect(make.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
        'POST /crm/v3/objects/contacts/search',
        'POST /crm/v3/objects/contacts/batch/read',
      ]);
      expect(make.requests[1]!.body).toEqual(
        expect.objectContaining({ propertiesWithHistory: ['jobtitle'] }),
      );
      // B, modified after A, is met again (its time is after the watermark) and still not emitted.
      expect((await make.poll('contactPropertyChange', params, first.state)).emitted).toEqual([]);
      // A written again on another property: its job title change is not repeated.
      await update('contacts', a, { firstname: 'Again' });
      await update('contacts', b, { jobtitle: 'Manager' });
      clock.advance(PAST_MARGIN);
      const second = await make.poll('contactPropertyChange', params, first.state);
      expect(second.emitted.map((x) => [(x as Json).id, (x as Json).value])).toEqual([[b, 'Manager']]);
      expect((await make.poll('contactPropertyChange', params, second.state)).emitted).toEqual([]);
    });

    it('a change within the lag margin waits for the next run', async () => {
      const start = fromNow();
      const id = await create('contacts', { email: 'pc-late@example.com', jobtitle: 'Intern' });
      expect((await make.poll('contactPropertyChange', params, start)).emitted).toEqual([]);
      clock.advance(PAST_MARGIN);
      const later = await make.poll('contactPropertyChange', params, start);
      expect(later.emitted.map((x) => (x as Json).id)).toEqual([id]);
    });

    it('a run stops at its limit and the next continues, skipping and repeating none, unchanged records between', async () => {
      const start = fromNow();
      const changed: string[] = [];
      for (let i = 0; i < 7; i++) {
        const id = await create('contacts', { email: `pc-limit${i}@example.com`, jobtitle: 'Before' });
        // Records modified without a change of the watched property sit between the changed ones.
        await create('contacts', { email: `pc-other${i}@example.com` });
        changed.push(id);
      }
      const fresh = fromNow();
      for (const id of changed) await update('contacts', id, { jobtitle: 'After' });
      clock.advance(PAST_MARGIN);
      const { bundles, runs } = await drain('contactPropertyChange', { ...params, limit: 3 }, fresh);
      expect(bundles.map((x) => x.id)).toEqual(changed);
      expect(bundles.every((x) => x.value === 'After' && x.previous_value === 'Before')).toBe(true);
      expect(runs).toBe(4); // 3 + 3 + 1, then an empty run
      // From the earlier start, the 7 contacts created without a job title come first: a full limit of records
      // without a change would hold the module back for good, so the run fails saying so; a limit above them passes.
      await expect(make.poll('contactPropertyChange', { ...params, limit: 7 }, start)).rejects.toMatchObject({
        type: 'InvalidConfigurationError',
        message: expect.stringContaining('examined its full limit of 7 records'),
      });
      const all = await drain('contactPropertyChange', { ...params, limit: 8 }, start);
      expect(all.bundles.map((x) => x.id)).toEqual(changed);
    });

    describe('a run that could not reach later changes fails, and only then', () => {
      const stalled = (limit: number) => ({
        type: 'InvalidConfigurationError',
        message:
          `Contact Property Changed: the run examined its full limit of ${limit} records modified since the last ` +
          'bundle, and none of them changed jobtitle since, so this module cannot reach later changes (Make ' +
          'resumes only after a returned bundle). Raise "Maximum number of records examined" (at most 200), or ' +
          'choose where to start again (changes among the records passed over are then not returned), or watch the ' +
          'property with the instant trigger (events relay).',
      });
      /** `n` contacts modified (a first name) without a change of the job title. */
      const unchanged = async (prefix: string, n: number) => {
        for (let i = 0; i < n; i++)
          await create('contacts', { email: `${prefix}${i}@example.com`, firstname: 'X' });
      };

      it('the old silent stall: a full limit of unchanged records before the next change', async () => {
        const start = fromNow();
        await unchanged('pc-stall', 4);
        const later = await create('contacts', { email: 'pc-stall-later@example.com', jobtitle: 'Later' });
        clock.advance(PAST_MARGIN);
        const params4 = { ...params, limit: 4 };
        // Every run would examine the same 4 contacts and return nothing; each one fails instead.
        await expect(make.poll('contactPropertyChange', params4, start)).rejects.toMatchObject(stalled(4));
        await expect(make.poll('contactPropertyChange', params4, start)).rejects.toMatchObject(stalled(4));
        // Fewer records than the limit: nothing to return, nothing stuck, no error.
        const fewer = await make.poll('contactPropertyChange', { ...params, limit: 6 }, start);
        expect(fewer.emitted.map((x) => (x as Json).id)).toEqual([later]);
      });

      it("counts the last bundle's record, written again, as unchanged, and its new change as a change", async () => {
        const start = fromNow();
        const first = await create('contacts', { email: 'pc-last@example.com', jobtitle: 'One' });
        clock.advance(PAST_MARGIN);
        const run = await make.poll('contactPropertyChange', { ...params, limit: 3 }, start);
        expect(run.emitted.map((x) => (x as Json).id)).toEqual([first]);
        await update('contacts', first, { firstname: 'Edited' });
        await unchanged('pc-after-last', 2);
        clock.advance(PAST_MARGIN);
        await expect(
          make.poll('contactPropertyChange', { ...params, limit: 3 }, run.state),
        ).rejects.toMatchObject(stalled(3));
        await update('contacts', first, { jobtitle: 'Two' });
        clock.advance(PAST_MARGIN);
        const next = await make.poll('contactPropertyChange', { ...params, limit: 3 }, run.state);
        expect(next.emitted.map((x) => [(x as Json).id, (x as Json).value])).toEqual([[first, 'Two']]);
      });

      it("does not fail while records changed in the last bundle's millisecond are still to return", async () => {
        const start = fromNow();
        clock.advance(1_000);
        // Five job titles written in one millisecond (the sandbox clock stands still between these writes).
        const tied: string[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await t.call('POST', '/crm/v3/objects/contacts', {
            properties: { email: `pc-tie${i}@example.com`, jobtitle: 'Tied' },
          });
          tied.push(((await res.json()) as { id: string }).id);
        }
        await unchanged('pc-after-tie', 1);
        clock.advance(PAST_MARGIN);
        const limited = { ...params, limit: 3 };
        const first = await make.poll('contactPropertyChange', limited, start);
        expect(first.emitted.map((x) => (x as Json).id)).toEqual(tied.slice(0, 3));
        // The next run examines the two left at that millisecond and one unchanged record: a full limit, 2 bundles.
        const second = await make.poll('contactPropertyChange', limited, first.state);
        expect(second.emitted.map((x) => (x as Json).id)).toEqual(tied.slice(3));
      });

      it('with integrations ignored, a full limit of records changed only by integrations fails', async () => {
        const start = fromNow();
        // Every API write is an integration's in the sandbox.
        for (let i = 0; i < 3; i++)
          await create('contacts', { email: `pc-sync${i}@example.com`, jobtitle: 'Sync' });
        clock.advance(PAST_MARGIN);
        const ignoring = { ...params, limit: 3, ignore_integration_changes: true };
        await expect(make.poll('contactPropertyChange', ignoring, start)).rejects.toMatchObject(stalled(3));
        const counting = await make.poll('contactPropertyChange', { ...params, limit: 3 }, start);
        expect(counting.emitted).toHaveLength(3);
      });

      it('from "All" (no last bundle), a full limit of records never given the property fails', async () => {
        // No contact of this file has a city: from the first modified contact on, none holds a change of it.
        await expect(
          make.poll('contactPropertyChange', { property: 'city', limit: 2 }, {}),
        ).rejects.toMatchObject({
          type: 'InvalidConfigurationError',
          message: expect.stringContaining('changed city'),
        });
        // Every contact has an e-mail: the same start returns the first two.
        const emails = await make.poll('contactPropertyChange', { property: 'email', limit: 2 }, {});
        expect(emails.emitted).toHaveLength(2);
      });
    });

    it('reads two search pages and two history reads when more than 50 records changed', async () => {
      const start = fromNow();
      const ids: string[] = [];
      for (let i = 0; i < 60; i++)
        ids.push(await create('contacts', { email: `pc-many${i}@example.com`, jobtitle: 'Many' }));
      clock.advance(PAST_MARGIN);
      make.requests = [];
      const run = await make.poll('contactPropertyChange', params, start);
      expect(run.emitted.map((x) => (x as Json).id)).toEqual(ids);
      expect(make.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
        'POST /crm/v3/objects/contacts/search',
        'POST /crm/v3/objects/contacts/search',
        'POST /crm/v3/objects/contacts/batch/read',
        'POST /crm/v3/objects/contacts/batch/read',
      ]);
      expect((make.requests[2]!.body as { inputs: unknown[] }).inputs).toHaveLength(50);
      expect((make.requests[3]!.body as { inputs: unknown[] }).inputs).toHaveLength(10);
      expect((await make.poll('contactPropertyChange', params, run.state)).emitted).toEqual([]);
    });

    it('a Limit of 200 reads four search pages and four history reads', async () => {
      const start = fromNow();
      const ids: string[] = [];
      for (let i = 0; i < 160; i++)
        ids.push(await create('contacts', { email: `pc-more${i}@example.com`, jobtitle: 'More' }));
      clock.advance(PAST_MARGIN);
      make.requests = [];
      const run = await make.poll('contactPropertyChange', { ...params, limit: 200 }, start);
      expect(run.emitted.map((x) => (x as Json).id)).toEqual(ids);
      const paths = make.requests.map((r) => new URL(r.url).pathname);
      expect(paths.filter((p) => p.endsWith('/search'))).toHaveLength(4);
      expect(paths.filter((p) => p.endsWith('/batch/read'))).toHaveLength(4);
      expect(make.requests.map((r) => (r.body as { limit?: number }).limit).slice(0, 4)).toEqual([
        50, 50, 50, 50,
      ]);
    });

    it('ignores changes written by integrations when asked (every API write is one in the sandbox)', async () => {
      const start = fromNow();
      await create('contacts', { email: 'pc-integration@example.com', jobtitle: 'Synced' });
      clock.advance(PAST_MARGIN);
      const run = await make.poll(
        'contactPropertyChange',
        { ...params, ignore_integration_changes: true },
        start,
      );
      expect(run.emitted).toEqual([]);
      // A value written by HubSpot itself (an import, in the sandbox: a write without a token) still counts.
      clock.advance(1_000);
      const imported = createRecord(t.sandbox.portal, findStandardObjectType('contacts')!, {
        properties: { email: 'pc-import@example.com', jobtitle: 'Imported' },
      }).id;
      clock.advance(PAST_MARGIN);
      const next = await make.poll(
        'contactPropertyChange',
        { ...params, ignore_integration_changes: true },
        start,
      );
      expect(next.emitted).toEqual([expect.objectContaining({ id: imported, source_type: 'IMPORT' })]);
    });

    it('offers where to start: the latest modified contacts', async () => {
      await create('contacts', { email: 'pc-epoch@example.com', firstname: 'Epoch' });
      clock.advance(PAST_MARGIN);
      const epoch = await make.epoch('contactPropertyChange', params);
      expect(epoch[0]).toEqual({ label: expect.any(String), date: expect.any(String) });
      expect(epoch.length).toBeGreaterThan(3);
    });
  });

  it('objectPropertyChange watches the chosen type', async () => {
    const id = await create('companies', { name: 'Watched Co', city: 'Paris' });
    const start = fromNow();
    await update('companies', id, { city: 'Lyon' });
    clock.advance(PAST_MARGIN);
    const params = { object_type: 'companies', property: 'city', limit: 100 };
    const run = await make.poll('objectPropertyChange', params, start);
    expect(run.emitted).toEqual([
      expect.objectContaining({ id, property: 'city', value: 'Lyon', previous_value: 'Paris' }),
    ]);
    expect((await make.poll('objectPropertyChange', params, run.state)).emitted).toEqual([]);
  });

  describe('dealStageChanged', () => {
    async function pipeline(): Promise<{
      id: string;
      label: string;
      stages: Array<{ id: string; label: string }>;
    }> {
      const res = await t.call('GET', '/crm/v3/pipelines/deals');
      return (
        (await res.json()) as {
          results: Array<{ id: string; label: string; stages: Array<{ id: string; label: string }> }>;
        }
      ).results[0]!;
    }

    it('emits a deal moved to another stage, with stage and pipeline labels, filtered by stage', async () => {
      const p = await pipeline();
      const [s1, s2, s3] = p.stages;
      const moved = await create('deals', { dealname: 'Moves', pipeline: p.id, dealstage: s1!.id });
      const other = await create('deals', { dealname: 'Moves elsewhere', pipeline: p.id, dealstage: s1!.id });
      const renamed = await create('deals', { dealname: 'Renamed', pipeline: p.id, dealstage: s1!.id });
      const start = fromNow();
      await update('deals', moved, { dealstage: s2!.id });
      await update('deals', other, { dealstage: s3!.id });
      await update('deals', renamed, { dealname: 'Renamed again' });
      clock.advance(PAST_MARGIN);
      const all = await make.poll('dealStageChanged', { limit: 100 }, start);
      expect(all.emitted).toEqual([
        expect.objectContaining({
          id: moved,
          previous_stage: s1!.id,
          previous_stage_label: s1!.label,
          stage: s2!.id,
          stage_label: s2!.label,
          pipeline: p.id,
          pipeline_label: p.label,
          dedupe_key: expect.stringMatching(new RegExp(`^${moved}-dealstage-\\d{13}$`)),
        }),
        expect.objectContaining({ id: other, stage: s3!.id }),
      ]);
      make.requests = [];
      const intoS2 = await make.poll(
        'dealStageChanged',
        { limit: 100, pipeline: p.id, dealstage: s2!.id },
        start,
      );
      expect(intoS2.emitted.map((x) => (x as Json).id)).toEqual([moved]);
      const filters = (make.requests[0]!.body as { filterGroups: Array<{ filters: Json[] }> })
        .filterGroups[0]!.filters;
      expect(filters).toEqual(
        expect.arrayContaining([
          { propertyName: 'pipeline', operator: 'EQ', value: p.id },
          { propertyName: 'dealstage', operator: 'EQ', value: s2!.id },
        ]),
      );
      expect((await make.poll('dealStageChanged', { limit: 100 }, all.state)).emitted).toEqual([]);
    });
  });

  describe('newFormSubmission', () => {
    const formId = () => t.sandbox.portal.forms.all()[0]!.id;

    function submit(email: string): string {
      clock.advance(1_000);
      const conversionId = `00000000-0000-4000-8000-${String(clock.now()).padStart(12, '0').slice(-12)}`;
      t.sandbox.portal.forms.addSubmission(formId(), {
        conversionId,
        submittedAt: clock.now(),
        values: [{ name: 'email', value: email, objectTypeId: '0-1' }],
      });
      return conversionId;
    }

    it('emits every new submission of the form oldest first, across pages, then nothing again', async () => {
      submit('old@example.com');
      const start = { lastDate: new Date(clock.now()).toISOString() };
      const ids: string[] = [];
      for (let i = 0; i < 120; i++) ids.push(submit(`form${i}@example.com`));
      make.requests = [];
      const run = await make.poll('newFormSubmission', { form_id: formId() }, start);
      expect(run.emitted.map((x) => (x as Json).id)).toEqual(ids);
      expect(run.emitted[0]).toEqual(
        expect.objectContaining({ form_id: formId(), values: { email: 'form0@example.com' } }),
      );
      // 120 new submissions on pages of 50: three pages, the third reaching the last one returned before.
      expect(make.requests).toHaveLength(3);
      expect((await make.poll('newFormSubmission', { form_id: formId() }, run.state)).emitted).toEqual([]);
      const next = submit('next@example.com');
      make.requests = [];
      const again = await make.poll('newFormSubmission', { form_id: formId() }, run.state);
      expect(again.emitted.map((x) => (x as Json).id)).toEqual([next]);
      expect(make.requests).toHaveLength(1);
    });

    it('offers where to start from the latest submissions, one page', async () => {
      make.requests = [];
      const epoch = await make.epoch('newFormSubmission', { form_id: formId() });
      expect(epoch.length).toBe(50);
      expect(make.requests).toHaveLength(1);
    });
  });
});
