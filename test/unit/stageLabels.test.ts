import { OPERATIONS } from '../../operations';
import { labelled, stageLabelFields, withStageLabels } from '../../operations/stageLabels';
import type { OperationDef } from '../../operations/types';

const pipelines = [
  { id: 'default', label: 'Sales', stages: [{ id: 'won', label: 'Closed won' }] },
  { id: '77', label: 'Partners', stages: [{ id: '1001', label: 'Live' }] },
];
const names = { stage: 'dealstage', pipeline: 'pipeline' };

describe('stage labels', () => {
  it('labels stage and pipeline by id, the pipeline from the stage when the record lacks it', () => {
    const [a, b] = labelled(
      [
        { id: '1', properties: { dealstage: '1001', pipeline: '77' } },
        { id: '2', properties: { dealstage: 'won' } },
      ],
      names,
      pipelines,
    );
    expect(a).toMatchObject({ dealstage_label: 'Live', pipeline_label: 'Partners' });
    expect(b).toMatchObject({ dealstage_label: 'Closed won', pipeline_label: 'Sales' });
  });

  it('keeps the id as label for a stage or pipeline the portal no longer has, and null when there is none', () => {
    const [gone, none] = labelled(
      [
        { id: '1', properties: { dealstage: 'deleted', pipeline: '99' } },
        { id: '2', properties: {} },
      ],
      names,
      pipelines,
    );
    expect(gone).toMatchObject({ dealstage_label: 'deleted', pipeline_label: '99' });
    expect(none).toMatchObject({ dealstage_label: null, pipeline_label: null });
  });

  it('marks the outputting declared request for Make, and says where a paged Make module reads the pipelines', () => {
    const op = (key: string) => OPERATIONS.find((o) => o.key === key)!;
    for (const key of ['create_deal', 'update_ticket', 'find_deal', 'new_or_updated_ticket']) {
      const requests = op(key).requests!;
      expect(requests[requests.length - 1]!.stageLabels).toEqual(
        key.endsWith('deal') ? names : { stage: 'hs_pipeline_stage', pipeline: 'hs_pipeline' },
      );
      expect(requests.slice(0, -1).some((r) => r.stageLabels)).toBe(false);
    }
    expect(op('find_deal').calls.perRun).toMatch(/on Make: before the search, every run/);
    expect(op('new_ticket').calls.perRun).toMatch(/on Make: before the poll, every run/);
    expect(op('update_deal').calls.perRun).not.toMatch(/on Make/);
  });

  it('names the fields after the properties of each type and refuses a type without pipelines', () => {
    expect(stageLabelFields('tickets').map((f) => f.key)).toEqual([
      'hs_pipeline_stage_label',
      'hs_pipeline_label',
    ]);
    expect(() => withStageLabels({ key: 'x', objectType: 'contacts' } as OperationDef)).toThrow(
      /deals or tickets/,
    );
  });
});
