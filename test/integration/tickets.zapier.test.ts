import { addPipeline, expectRefused, liveCount, runner, tick, useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';

/** Tickets through the Zapier app: pipeline → status dropdowns, writes, finds and the new-ticket trigger. */
describe('Zapier ticket operations against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, search, poll } = runner(context);
  const tickets = () => liveCount(context.t, '0-5');
  let escalations: { id: string; stages: Array<{ id: string; label: string }> };

  beforeAll(async () => {
    escalations = await addPipeline(context.t, 'tickets', 'Escalations', [
      { label: 'Escalated', metadata: { ticketState: 'OPEN' } },
      { label: 'Resolved', metadata: { ticketState: 'CLOSED' } },
    ]);
  });

  it('lists ticket pipelines and the statuses of the chosen one', async () => {
    const list = (key: string, inputData: Record<string, unknown> = {}) =>
      run('triggers', key, { authData: context.authData, inputData }) as Promise<
        Array<{ id: string; label: string }>
      >;
    expect((await list('tickets_pipeline_list')).map((p) => p.label)).toEqual([
      'Support Pipeline',
      'Escalations',
    ]);
    expect((await list('tickets_stage_list', { hs_pipeline: escalations.id })).map((s) => s.label)).toEqual([
      'Escalated',
      'Resolved',
    ]);
    expect((await list('tickets_stage_list')).map((s) => s.id)).toContain('1');
  });

  it('creates a ticket in a chosen pipeline, updates it, and finds it', async () => {
    const ticket = await create('create_ticket', {
      subject: 'Engine halts',
      hs_pipeline: escalations.id,
      hs_pipeline_stage: escalations.stages[0]!.id,
      hs_ticket_priority: 'High',
    });
    expect(ticket.properties).toMatchObject({ hs_pipeline: escalations.id, hs_ticket_priority: 'HIGH' });
    const updated = await create('update_ticket', {
      record_id: ticket.id,
      hs_pipeline: escalations.id,
      hs_pipeline_stage: escalations.stages[1]!.id,
    });
    expect(updated.properties.hs_pipeline_stage).toBe(escalations.stages[1]!.id);
    const found = await search('find_ticket', { search_property: 'subject', search_value: 'Engine halts' });
    expect(found.map((t) => t.id)).toEqual([ticket.id]);
  });

  it.each([
    [
      'a status outside its pipeline',
      { subject: 'X', hs_pipeline: '0', hs_pipeline_stage: 'nope' },
      /hs_pipeline_stage/,
    ],
    [
      'a wrong option',
      { subject: 'X', hs_pipeline_stage: '1', hs_ticket_priority: 'Urgent-ish' },
      /hs_ticket_priority/,
    ],
    [
      'a wrong date',
      { subject: 'X', hs_pipeline_stage: '1', closed_date: 'last Tuesday-ish' },
      /closed_date/,
    ],
    ['a missing required field', { hs_pipeline_stage: '1' }, /subject/],
    ['a missing status', { subject: 'X' }, /hs_pipeline_stage/],
  ])('refuses %s with an error naming the field, writing nothing', async (_case, inputData, message) => {
    await expectRefused(create('create_ticket', inputData), message, tickets);
  });

  it('fires new_ticket once per new ticket', async () => {
    await poll('new_ticket', 'zap-ticket');
    await tick();
    const ticket = await create('create_ticket', { subject: 'New one', hs_pipeline_stage: '1' });
    await tick();
    expect((await poll('new_ticket', 'zap-ticket')).map((i) => i.id)).toEqual([ticket.id]);
    expect(await poll('new_ticket', 'zap-ticket')).toEqual([]);
  });
});
