import { addPipeline, runner, tick, useZapierSandbox } from '../support/crm';

/** Stage and pipeline labels beside their ids in deal and ticket outputs, from at most one pipelines read a run. */
describe('Zapier stage labels against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, search, poll } = runner(context);
  const pipelineReads = () =>
    context.t.sandbox.log.all().filter((e) => e.method === 'GET' && e.path.startsWith('/crm/v3/pipelines/'))
      .length;

  it('labels a created deal in a custom pipeline, and a found one, with one pipelines read each', async () => {
    const pipeline = await addPipeline(context.t, 'deals', 'Partners', [
      { label: 'Signed up', metadata: { probability: '0.2' } },
      { label: 'Live', metadata: { probability: '1.0' } },
    ]);
    context.t.sandbox.log.clear();
    const deal = await create('create_deal', {
      dealname: 'Reseller',
      pipeline: pipeline.id,
      dealstage: pipeline.stages[1]!.id,
    });
    expect(deal).toMatchObject({ dealstage_label: 'Live', pipeline_label: 'Partners' });
    expect(pipelineReads()).toBe(1);
    expect(context.t.sandbox.log.countsByEndpoint()['POST /crm/v3/objects/:objectType']).toBe(1);

    context.t.sandbox.log.clear();
    const found = await search('find_deal', { search_property: 'dealname', search_value: 'Reseller' });
    expect(found[0]).toMatchObject({ id: deal.id, dealstage_label: 'Live', pipeline_label: 'Partners' });
    expect(pipelineReads()).toBe(1);
  });

  it('labels every ticket of a poll from one pipelines read, and an idle poll reads none', async () => {
    await poll('new_ticket', 'labels');
    await tick();
    for (const subject of ['A', 'B', 'C'])
      await create('create_ticket', { subject, hs_pipeline: '0', hs_pipeline_stage: '1' });
    await tick();
    context.t.sandbox.log.clear();
    const tickets = await poll('new_ticket', 'labels');
    expect(tickets).toHaveLength(3);
    for (const t of tickets)
      expect(t).toMatchObject({
        hs_pipeline_stage_label: expect.any(String),
        hs_pipeline_label: expect.any(String),
      });
    expect(tickets.map((t) => t.hs_pipeline_stage_label)).not.toContain('1');
    expect(pipelineReads()).toBe(1);

    context.t.sandbox.log.clear();
    expect(await poll('new_ticket', 'labels')).toEqual([]);
    expect(pipelineReads()).toBe(0);
  });

  it("labels an updated deal in HubSpot's default pipeline", async () => {
    const deal = await create('create_deal', { dealname: 'Orphan', dealstage: 'appointmentscheduled' });
    expect(deal.dealstage_label).toBe('Appointment Scheduled');
    const updated = await create('update_deal', { record_id: deal.id, amount: '10' });
    expect(updated).toMatchObject({
      dealstage_label: 'Appointment Scheduled',
      pipeline_label: 'Sales Pipeline',
    });
  });
});
