import { addPipeline, expectRefused, liveCount, runner, tick, useZapierSandbox } from '../support/crm';
import { appTester, run, testApp } from '../support/zapier';

/** Deals end to end through the Zapier app: pipeline → stage dropdowns, writes, finds, and the stage trigger. */
describe('Zapier deal operations against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, search, poll } = runner(context);
  const deals = () => liveCount(context.t, '0-3');
  const dropdown = (key: string, inputData: Record<string, unknown> = {}) =>
    run('triggers', key, { authData: context.authData, inputData }) as Promise<
      Array<{ id: string; label: string }>
    >;
  /** The property fields Zapier loads for a create, as the editor would. */
  const dynamicFields = async (key: string, inputData: Record<string, unknown> = {}) => {
    const creates = testApp.creates as Record<string, { operation: { inputFields: unknown[] } }>;
    const loader = creates[key]!.operation.inputFields.find((f) => typeof f === 'function');
    return (await appTester(loader as never, { authData: context.authData, inputData } as never)) as Array<
      Record<string, unknown>
    >;
  };
  let renewals: { id: string; stages: Array<{ id: string; label: string }> };

  beforeAll(async () => {
    renewals = await addPipeline(context.t, 'deals', 'Renewals', [
      { label: 'Up for renewal', metadata: { probability: '0.5' } },
      { label: 'Renewed', metadata: { probability: '1.0', isClosed: 'true' } },
    ]);
  });

  it('lists pipelines, and the stages of the pipeline chosen in the step', async () => {
    expect((await dropdown('deals_pipeline_list')).map((p) => p.label)).toEqual([
      'Sales Pipeline',
      'Renewals',
    ]);
    const salesStages = await dropdown('deals_stage_list');
    expect(salesStages[0]).toEqual({ id: 'appointmentscheduled', label: 'Appointment Scheduled' });
    expect(salesStages).toHaveLength(7);
    const renewalStages = await dropdown('deals_stage_list', { pipeline: renewals.id });
    expect(renewalStages.map((s) => s.label)).toEqual(['Up for renewal', 'Renewed']);
  });

  it('follows paging of the pipelines answer, so no pipeline is out of reach', async () => {
    context.t.sandbox.faults.add({
      method: 'GET',
      path: '/crm/v3/pipelines/deals',
      status: 200,
      body: {
        results: [{ id: 'paged', label: 'First page only', displayOrder: 9, stages: [] }],
        paging: { next: { after: 'page-2' } },
      },
    });
    const labels = (await dropdown('deals_pipeline_list')).map((p) => p.label);
    expect(labels).toEqual(['Sales Pipeline', 'Renewals', 'First page only']);
    // The injected first page, then the sandbox's answer to `after=page-2`.
    expect(
      context.t.sandbox.log.all().filter((e) => e.path.startsWith('/crm/v3/pipelines/deals')),
    ).toHaveLength(2);
  });

  it('renders pipeline and stage property fields as dependent dropdowns', async () => {
    const fields = await dynamicFields('create_deal');
    const pipeline = fields.find((f) => f.key === 'pipeline')!;
    const stage = fields.find((f) => f.key === 'dealstage')!;
    expect(pipeline).toMatchObject({ dynamic: 'deals_pipeline_list.id.label', altersDynamicFields: true });
    expect(stage).toMatchObject({ dynamic: 'deals_stage_list.id.label', required: true });
    expect(fields.find((f) => f.key === 'dealname')).toMatchObject({ required: true });
    expect(stage.choices).toBeUndefined();
  });

  it('creates a deal in a chosen pipeline and stage, updates it, and finds it', async () => {
    const created = await create('create_deal', {
      dealname: 'Engine renewal',
      pipeline: renewals.id,
      dealstage: renewals.stages[0]!.id,
      amount: '1200.50',
      closedate: '2026-03-31',
    });
    expect(created.properties.pipeline).toBe(renewals.id);
    expect(created.properties.amount).toBe('1200.50');
    const updated = await create('update_deal', { record_id: created.id, dealname: 'Engine renewal 2026' });
    expect(updated.properties.dealname).toBe('Engine renewal 2026');
    const byId = await search('find_deal', { search_property: 'hs_object_id', search_value: created.id });
    expect(byId.map((d) => d.id)).toEqual([created.id]);
    const byName = await search('find_deal', {
      search_property: 'dealname',
      search_value: 'Engine renewal 2026',
    });
    expect(byName.map((d) => d.id)).toEqual([created.id]);
    expect(await search('find_deal', { search_property: 'dealname', search_value: 'No such deal' })).toEqual(
      [],
    );
  });

  it.each([
    [
      'a stage outside its pipeline',
      { dealname: 'X', pipeline: 'default', dealstage: 'renewed-elsewhere' },
      /dealstage/,
    ],
    [
      'a wrong option',
      { dealname: 'X', dealstage: 'appointmentscheduled', dealtype: 'sideways' },
      /dealtype/,
    ],
    [
      'a wrong date',
      { dealname: 'X', dealstage: 'appointmentscheduled', closedate: 'next-ish' },
      /closedate/,
    ],
    ['a missing required field', { dealstage: 'appointmentscheduled' }, /dealname/],
    ['a wrong number', { dealname: 'X', dealstage: 'appointmentscheduled', amount: 'lots' }, /amount/],
  ])('refuses %s with an error naming the field, writing nothing', async (_case, inputData, message) => {
    await expectRefused(create('create_deal', inputData), message, deals);
  });

  it('refuses a stage of another pipeline on update, leaving the deal as it was', async () => {
    const deal = await create('create_deal', { dealname: 'Stay put', dealstage: 'appointmentscheduled' });
    await expect(
      create('update_deal', { record_id: deal.id, dealstage: renewals.stages[1]!.id }),
    ).rejects.toThrow(/dealstage/);
    expect(context.t.sandbox.portal.records.get('0-3', deal.id)!.properties.dealstage).toBe(
      'appointmentscheduled',
    );
  });

  it('fires new_deal once per new deal', async () => {
    await poll('new_deal', 'zap-new-deal');
    await tick();
    const deal = await create('create_deal', { dealname: 'Fresh deal', dealstage: 'appointmentscheduled' });
    await tick();
    const items = await poll('new_deal', 'zap-new-deal');
    expect(items.map((i) => i.id)).toEqual([deal.id]);
    expect(await poll('new_deal', 'zap-new-deal')).toEqual([]);
  });

  it('fires new_or_updated_deal for a new deal and again for each later change, never for an untouched one', async () => {
    const untouched = await create('create_deal', {
      dealname: 'Quiet deal',
      dealstage: 'appointmentscheduled',
    });
    await tick();
    await poll('new_or_updated_deal', 'zap-changed-deal');
    await tick();
    const deal = await create('create_deal', { dealname: 'Moving deal', dealstage: 'appointmentscheduled' });
    await tick();
    const first = await poll('new_or_updated_deal', 'zap-changed-deal');
    expect(first.map((i) => i.record_id)).toEqual([deal.id]);
    await create('update_deal', { record_id: deal.id, amount: '5000' });
    await tick();
    const second = await poll('new_or_updated_deal', 'zap-changed-deal');
    expect(second.map((i) => i.record_id)).toEqual([deal.id]);
    // The same Record ID, and a new dedupe key per change, so Zapier's dedupe lets the second change through.
    expect(second[0]!.id).toBe(first[0]!.id);
    expect(second[0]!.dedupe_key).not.toBe(first[0]!.dedupe_key);
    expect([...first, ...second].some((i) => i.record_id === untouched.id)).toBe(false);
    expect(await poll('new_or_updated_deal', 'zap-changed-deal')).toEqual([]);
  });

  it('fires deal_stage_changed with previous and new stage labels, filtered by pipeline and stage', async () => {
    const inRenewals = { pipeline: renewals.id };
    const intoRenewed = { pipeline: renewals.id, dealstage: renewals.stages[1]!.id };
    for (const [zap, input] of [
      ['zap-any', {}],
      ['zap-renewals', inRenewals],
      ['zap-renewed', intoRenewed],
    ] as const)
      await poll('deal_stage_changed', zap, input);
    await tick();
    const sales = await create('create_deal', { dealname: 'Sales move', dealstage: 'appointmentscheduled' });
    const renewal = await create('create_deal', {
      dealname: 'Renewal move',
      pipeline: renewals.id,
      dealstage: renewals.stages[0]!.id,
    });
    await tick();
    await create('update_deal', { record_id: sales.id, dealstage: 'qualifiedtobuy' });
    await create('update_deal', { record_id: renewal.id, dealstage: renewals.stages[1]!.id });
    await tick();

    const any = await poll('deal_stage_changed', 'zap-any');
    const salesMove = any.find((c) => c.record_id === sales.id && c.stage === 'qualifiedtobuy');
    expect(salesMove).toMatchObject({
      previous_stage: 'appointmentscheduled',
      previous_stage_label: 'Appointment Scheduled',
      stage_label: 'Qualified To Buy',
      pipeline: 'default',
      pipeline_label: 'Sales Pipeline',
      source_type: 'INTEGRATION',
    });
    const renewalsOnly = await poll('deal_stage_changed', 'zap-renewals', inRenewals);
    expect(renewalsOnly.every((c) => c.pipeline === renewals.id)).toBe(true);
    expect(
      renewalsOnly.find((c) => c.record_id === renewal.id && c.stage === renewals.stages[1]!.id),
    ).toMatchObject({
      previous_stage_label: 'Up for renewal',
      stage_label: 'Renewed',
      pipeline_label: 'Renewals',
    });
    expect(renewalsOnly.some((c) => c.record_id === sales.id)).toBe(false);
    const renewed = await poll('deal_stage_changed', 'zap-renewed', intoRenewed);
    expect(renewed.map((c) => [c.record_id, c.stage])).toEqual([[renewal.id, renewals.stages[1]!.id]]);
  });
});
