import { errorsFromBatch } from '../../hubspot/classify';
import { FieldValidationError } from '../../hubspot/coerce';
import { BATCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { recordPicker } from '../recordDropdown';
import { propertiesFromInput, recordOutput } from '../records';
import type { HubSpotRecord } from '../search';
import type { OperationContext } from '../types';
import { batchRecordId, batchTypeField, batchTypeOf, messageOf } from './batchFields';
import type { BufferedItem, BufferedOperationDef, BufferedResults } from './buffered';

/**
 * Update in bulk: Zapier buffers the runs of a Zap and hands them over together; they leave as one
 * `POST /crm/v3/objects/{type}/batch/update` per 100 records. Each input carries the run's id as
 * `objectWriteTraceId`, so HubSpot answers 207 with an error per failing input (an unknown id, a bad value) instead
 * of refusing the whole batch, and every run gets its own result or error. Bad input fails only its own run, before
 * anything is sent. On Make the same operation is an array module (`make/batchModules.ts`).
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-update
 */

const RECORD = { key: 'record_id', label: 'Record ID or unique value' };
const ID_PROPERTY = { key: 'id_property', label: 'Find by' };
const OPERATION_KEYS = ['object_type', RECORD.key, ID_PROPERTY.key];
/** A HubSpot property name (https://developers.hubspot.com/docs/api/crm/properties). */
const PROPERTY_NAME = /^[A-Za-z0-9_]+$/;

interface Prepared {
  item: BufferedItem;
  input: { id: string; idProperty?: string; properties: Record<string, string>; objectWriteTraceId: string };
}

interface BatchAnswer {
  results: Array<HubSpotRecord & { objectWriteTraceId?: string }>;
  errors?: Array<{ context?: Record<string, string[]> }>;
}

export const batchUpdate: BufferedOperationDef = {
  key: 'batch_update',
  kind: 'create',
  noun: 'Record',
  label: 'Update Records in Bulk',
  description: 'Updates records by ID or unique property, sending many Zap runs as one batch call.',
  inputFields: [
    batchTypeField('The type of every record this step updates; the fields below load for the type chosen.'),
    {
      ...RECORD,
      required: true,
      ...recordPicker({ fromInput: 'object_type' }),
      helpText: "The record's HubSpot ID, or the value of the unique property chosen in Find by.",
    },
    {
      ...ID_PROPERTY,
      required: false,
      dropdown: { kind: 'uniqueProperties', objectType: { fromInput: 'object_type' } },
      helpText:
        'Leave empty to update by record ID; otherwise a property with unique values (e-mail for contacts).',
    },
  ],
  propertyFields: { objectType: { fromInput: 'object_type' }, purpose: 'update' },
  outputFields: [
    { key: 'id', label: 'Record ID', type: 'string' },
    { key: 'updatedAt', label: 'Updated at', type: 'datetime' },
  ],
  sample: {
    id: '51',
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-06T09:00:00.000Z',
    archived: false,
    properties: { firstname: 'Ada' },
  },
  calls: {
    endpoints: [`POST ${paths.objects.batch('{objectType}', 'update')}`],
    perRun: `ceil(N/${BATCH.maxObjectInputs}) for N buffered runs (+1 to read property definitions)`,
  },
  code: {
    reason:
      'Zapier buffers the runs of a Zap (`performBuffer`): inputs are grouped by type, sent 100 a call with the run ids ' +
      "as objectWriteTraceId, and each run gets its own record or error from HubSpot's 207; a Make module takes the " +
      'records as an array instead (`make/batchModules.ts`), so no single declared request fits both.',
  },
  async perform(ctx) {
    const result = (await updateAll(ctx, [{ id: 'single', input: ctx.input }])).single!;
    if ('error' in result) throw new Error(result.error);
    return result.outputData;
  },
  buffer: {
    groupedBy: ['object_type'],
    limit: 1_000,
    performBuffer: (ctx, items) => updateAll(ctx, items),
  },
};

async function prepare(ctx: OperationContext, objectType: string, item: BufferedItem): Promise<Prepared> {
  const idProperty = String(item.input[ID_PROPERTY.key] ?? '').trim() || undefined;
  if (idProperty && !PROPERTY_NAME.test(idProperty))
    throw new FieldValidationError(
      ID_PROPERTY.key,
      ID_PROPERTY.label,
      `"${idProperty}" is not a property's internal name. Choose it from the list.`,
    );
  const id = batchRecordId(item.input, RECORD, idProperty);
  const properties = await propertiesFromInput({ ...ctx, input: item.input }, objectType, OPERATION_KEYS);
  if (Object.keys(properties).length === 0)
    throw new FieldValidationError('properties', 'Properties', 'give at least one property to update.');
  return {
    item,
    input: { id, ...(idProperty ? { idProperty } : {}), properties, objectWriteTraceId: item.id },
  };
}

async function updateAll(ctx: OperationContext, items: readonly BufferedItem[]): Promise<BufferedResults> {
  const out: BufferedResults = {};
  const byType = new Map<string, Prepared[]>();
  for (const item of items) {
    try {
      const objectType = batchTypeOf(item.input);
      byType.set(objectType, [...(byType.get(objectType) ?? []), await prepare(ctx, objectType, item)]);
    } catch (error) {
      out[item.id] = { error: messageOf(error) };
    }
  }
  for (const [objectType, group] of byType)
    for (let i = 0; i < group.length; i += BATCH.maxObjectInputs)
      await sendChunk(ctx, objectType, group.slice(i, i + BATCH.maxObjectInputs), out);
  return out;
}

async function sendChunk(ctx: OperationContext, objectType: string, chunk: Prepared[], out: BufferedResults) {
  // A failure of the whole call (token, rate limit, retries exhausted) is thrown for the platform to handle (refresh,
  // wait, fail every run with its message). Updates set the same values again, so a replay loses nothing.
  const { data } = await ctx.api.request<BatchAnswer>({
    method: 'POST',
    path: paths.objects.batch(objectType, 'update'),
    json: { inputs: chunk.map((p) => p.input) },
    idempotent: true,
  });
  const errors = errorsFromBatch(data, { objectType });
  (data.errors ?? []).forEach((raw, i) => {
    for (const traceId of raw.context?.objectWriteTraceId ?? [])
      if (errors[i]) out[traceId] = { error: errors[i]!.message };
  });
  for (const record of data.results)
    if (record.objectWriteTraceId) {
      const { objectWriteTraceId: _trace, ...rest } = record;
      out[record.objectWriteTraceId] = { outputData: recordOutput(rest) };
    }
  for (const p of chunk)
    out[p.item.id] ??= { error: 'HubSpot answered the batch without a result for this record.' };
}
