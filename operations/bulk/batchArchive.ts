import { BATCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { recordPicker } from '../recordDropdown';
import type { OperationContext } from '../types';
import { batchRecordId, batchTypeField, batchTypeOf, messageOf } from './batchFields';
import type { BufferedItem, BufferedOperationDef, BufferedResults } from './buffered';

/**
 * Archive in bulk: buffered Zap runs leave as one `POST /crm/v3/objects/{type}/batch/archive` per 100 record ids.
 * HubSpot answers 204 with no body, also for an id it does not hold (archiving is idempotent), so a run's outcome
 * says its id was sent to archive; a run with a bad id fails alone, before anything is sent.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-archive
 * On Make the same operation is an array module (`make/batchModules.ts`).
 */

const RECORD = { key: 'record_id', label: 'Record ID' };

export const batchArchive: BufferedOperationDef = {
  key: 'batch_archive',
  kind: 'create',
  noun: 'Record',
  label: 'Archive Records in Bulk',
  description: 'Archives (deletes) records by ID, sending many Zap runs as one batch call.',
  warning:
    'This deletes the records. A HubSpot user can restore them from the recycling bin for 90 days; after that ' +
    'they are gone for good, and this step cannot bring them back.',
  inputFields: [
    { ...batchTypeField('The type of every record this step archives.'), altersDynamicFields: false },
    {
      ...RECORD,
      required: true,
      ...recordPicker({ fromInput: 'object_type' }),
      helpText: "The record's HubSpot ID (digits).",
    },
  ],
  outputFields: [
    { key: 'id', label: 'Record ID' },
    { key: 'archived', label: 'Sent to archive', type: 'boolean' },
    { key: 'object_type', label: 'Object type' },
  ],
  sample: { id: '51', archived: true, object_type: 'contacts' },
  calls: {
    endpoints: [`POST ${paths.objects.batch('{objectType}', 'archive')}`],
    perRun: `ceil(N/${BATCH.maxObjectInputs}) for N buffered runs`,
  },
  code: {
    reason:
      'Zapier buffers the runs of a Zap (`performBuffer`): ids are grouped by type and sent 100 a call, each run ' +
      'getting its own outcome; a Make module takes the ids as an array instead (`make/batchModules.ts`), so no ' +
      'single declared request fits both.',
  },
  async perform(ctx) {
    const result = (await archiveAll(ctx, [{ id: 'single', input: ctx.input }])).single!;
    if ('error' in result) throw new Error(result.error);
    return result.outputData;
  },
  buffer: {
    groupedBy: ['object_type'],
    limit: 1_000,
    performBuffer: (ctx, items) => archiveAll(ctx, items),
  },
};

async function archiveAll(ctx: OperationContext, items: readonly BufferedItem[]): Promise<BufferedResults> {
  const out: BufferedResults = {};
  const byType = new Map<string, Array<{ run: string; id: string }>>();
  for (const item of items) {
    try {
      const objectType = batchTypeOf(item.input);
      const id = batchRecordId(item.input, RECORD);
      byType.set(objectType, [...(byType.get(objectType) ?? []), { run: item.id, id }]);
    } catch (error) {
      out[item.id] = { error: messageOf(error) };
    }
  }
  for (const [objectType, runs] of byType)
    for (let i = 0; i < runs.length; i += BATCH.maxObjectInputs) {
      const chunk = runs.slice(i, i + BATCH.maxObjectInputs);
      // Two runs naming one id send it once; both get the outcome. A whole-call failure is thrown (see batchUpdate).
      await ctx.api.request({
        method: 'POST',
        path: paths.objects.batch(objectType, 'archive'),
        json: { inputs: [...new Set(chunk.map((r) => r.id))].map((id) => ({ id })) },
        idempotent: true,
      });
      for (const r of chunk)
        out[r.run] = { outputData: { id: r.id, archived: true, object_type: objectType } };
    }
  return out;
}
