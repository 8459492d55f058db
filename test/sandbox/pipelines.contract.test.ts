import { findStandardObjectType } from '../../hubspot/objectTypes';
import { PipelineStore } from '../../sandbox/state/pipelines';
import { useSdkSandbox } from '../support/sdk';

/** Pipelines v3 through @hubspot/api-client 14, read back through its models. */
describe('pipelines v3 contract (@hubspot/api-client 14)', () => {
  const s = useSdkSandbox();

  const pipelines = () => s.client.crm.pipelines.pipelinesApi;
  const stages = () => s.client.crm.pipelines.pipelineStagesApi;

  it('has the default sales pipeline with its seven stages and string metadata', async () => {
    const all = await pipelines().getAll('deals');
    expect(all.results.map((p) => [p.id, p.label])).toEqual([['default', 'Sales Pipeline']]);
    const sales = all.results[0]!;
    expect(sales.createdAt).toBeInstanceOf(Date);
    expect(sales.stages.map((s) => s.id)).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
      'closedwon',
      'closedlost',
    ]);
    expect(sales.stages[5]!.metadata).toEqual({ isClosed: 'true', probability: '1.0' });
    expect(sales.stages[0]!.metadata).toEqual({ isClosed: 'false', probability: '0.2' });
  });

  it('has the default support pipeline 0 with ticket states', async () => {
    const support = await pipelines().getById('tickets', '0');
    expect(support.label).toBe('Support Pipeline');
    expect(support.stages.map((s) => [s.id, s.label, s.metadata?.ticketState])).toEqual([
      ['1', 'New', 'OPEN'],
      ['2', 'Waiting on contact', 'OPEN'],
      ['3', 'Waiting on us', 'OPEN'],
      ['4', 'Closed', 'CLOSED'],
    ]);
  });

  it('creates, replaces, patches and archives a pipeline', async () => {
    const created = await pipelines().create('deals', {
      label: 'Renewals',
      displayOrder: 1,
      stages: [
        { label: 'Due', displayOrder: 0, metadata: { probability: '0.5' } },
        { label: 'Renewed', displayOrder: 1, metadata: { probability: '1.0' } },
      ],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.stages.map((s) => s.metadata)).toEqual([
      { isClosed: 'false', probability: '0.5' },
      { isClosed: 'true', probability: '1.0' },
    ]);
    const dueId = created.stages[0]!.id;

    const replaced = await pipelines().replace('deals', created.id, {
      label: 'Renewals 2',
      displayOrder: 2,
      stages: [
        { label: 'Due', displayOrder: 0, metadata: { probability: '0.4' } },
        { label: 'Lapsed', displayOrder: 1, metadata: { probability: '0.0', isClosed: 'true' } },
      ],
    });
    expect(replaced.label).toBe('Renewals 2');
    expect(replaced.stages.map((s) => s.label)).toEqual(['Due', 'Lapsed']);
    expect(replaced.stages[0]!.id).toBe(dueId);

    const patched = await pipelines().update('deals', created.id, { label: 'Renewals 3' });
    expect(patched.label).toBe('Renewals 3');
    expect((await pipelines().getAll('deals')).results.map((p) => p.label)).toEqual([
      'Sales Pipeline',
      'Renewals 3',
    ]);

    await pipelines().archive('deals', created.id);
    await expect(pipelines().getById('deals', created.id)).rejects.toMatchObject({ code: 404 });
    const restored = await pipelines().update('deals', created.id, { archived: false });
    expect(restored.archived).toBe(false);
    await pipelines().archive('deals', created.id);
  });

  it('manages stages one by one', async () => {
    const added = await stages().create('tickets', '0', {
      label: 'Escalated',
      displayOrder: 3,
      metadata: {},
    });
    expect(added.metadata).toEqual({ ticketState: 'OPEN' });
    expect((await stages().getAll('tickets', '0')).results.map((s) => s.label)).toContain('Escalated');

    const replaced = await stages().replace('tickets', '0', added.id, {
      label: 'Escalated to engineering',
      displayOrder: 3,
      metadata: { ticketState: 'OPEN' },
    });
    expect(replaced.label).toBe('Escalated to engineering');
    const patched = await stages().update('tickets', '0', added.id, { metadata: { ticketState: 'CLOSED' } });
    expect(patched.metadata).toEqual({ ticketState: 'CLOSED' });
    expect((await stages().getById('tickets', '0', added.id)).label).toBe('Escalated to engineering');

    await stages().archive('tickets', '0', added.id);
    await expect(stages().getById('tickets', '0', added.id)).rejects.toMatchObject({ code: 404 });
  });

  it('refuses bad input with HubSpot-style 400s and 404s', async () => {
    const noProbability = pipelines().create('deals', {
      label: 'Broken',
      displayOrder: 3,
      stages: [{ label: 'Only', displayOrder: 0, metadata: {} }],
    });
    await expect(noProbability).rejects.toMatchObject({ code: 400, body: { category: 'VALIDATION_ERROR' } });
    await expect(pipelines().getAll('contacts')).rejects.toMatchObject({ code: 400 });
    await expect(pipelines().getById('deals', 'nope')).rejects.toMatchObject({ code: 404 });
    await expect(pipelines().archive('tickets', '0')).rejects.toMatchObject({ code: 400 });
    const duplicate = pipelines().create('deals', {
      label: 'Sales Pipeline',
      displayOrder: 3,
      stages: [{ label: 'A', displayOrder: 0, metadata: { probability: '0.1' } }],
    });
    await expect(duplicate).rejects.toMatchObject({ code: 409 });
  });

  it('offers options and stage checks to object writes', () => {
    const store = s.t.sandbox.portal.pipelines;
    const deals = findStandardObjectType('deals')!;
    expect(store.pipelineOptions('deals').map((o) => o.value)).toEqual(['default']);
    expect(store.stageOptions('deals', 'default').map((o) => o.value)).toContain('closedwon');
    expect(store.defaultPipeline('tickets')?.id).toBe('0');
    expect(store.validateStage('deals', 'default', 'closedwon')).toBeUndefined();
    expect(store.validateStage('deals', undefined, '1')).toMatch(
      /^1 was not one of the allowed options: \[appointmentscheduled/,
    );
    expect(store.validateStage('tickets', '0', 'closedwon')).toBe(
      'closedwon was not one of the allowed options: [1, 2, 3, 4]',
    );
    expect(store.propertyOptions(deals, 'dealstage', { pipeline: 'default' })).toContain('contractsent');
    expect(store.propertyOptions(deals, 'dealstage', {})).toContain('contractsent');
    expect(store.propertyOptions(deals, 'pipeline', {})).toEqual(['default']);
    expect(store.propertyOptions(deals, 'dealname', {})).toBeUndefined();
  });

  it('keeps pipelines through toJSON/load', async () => {
    const created = await pipelines().create('tickets', {
      label: 'Onboarding',
      displayOrder: 1,
      stages: [{ label: 'Kickoff', displayOrder: 0, metadata: { ticketState: 'OPEN' } }],
    });
    const copy = new PipelineStore();
    copy.load(JSON.parse(JSON.stringify(s.t.sandbox.portal.pipelines.toJSON())));
    expect(copy.get('tickets', created.id)?.stages.map((s) => s.label)).toEqual(['Kickoff']);
  });
});
