import { errorsFromBatch } from '../../hubspot/classify';
import { FieldValidationError } from '../../hubspot/coerce';
import { BATCH } from '../../hubspot/limits';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { isNew } from '../objects/upsertRecord';
import { propertiesFromInput, recordOutput } from '../records';
import type { HubSpotRecord } from '../search';
import type { OperationContext } from '../types';
import type { BufferedItem, BufferedOperationDef, BufferedResults } from './buffered';

/**
 * Create-or-update in bulk: Zapier buffers the runs of a Zap and hands them over together; they leave as one
 * `POST /crm/v3/objects/{type}/batch/upsert` per 100 records. Each input carries the run's id as `objectWriteTraceId`,
 * so HubSpot answers 207 with an error per failing input instead of refusing the whole batch, and every run gets its
 * own result or error. Bad input (unknown property, wrong option) fails only its own run, before anything is sent.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-upsert
 */

const TYPES = ['contacts', 'companies', 'deals', 'tickets', 'products'];
const OPERATION_KEYS = ['object_type', 'id_property'];

interface UpsertAnswer {
  results: Array<HubSpotRecord & { new?: boolean; objectWriteTraceId?: string }>;
  errors?: Array<{ context?: Record<string, string[]> }>;
}

export const batchUpsert: BufferedOperationDef = {
  key: 'batch_upsert',
  kind: 'create',
  noun: 'Record',
  label: 'Create or Update Records in Bulk',
  description: 'Creates or updates records by a unique property, sending many Zap runs as one batch call.',
  inputFields: [
    {
      key: 'object_type',
      label: 'Object type',
      required: true,
      default: 'contacts',
      choices: TYPES.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) })),
      altersDynamicFields: true,
      helpText: 'The type of every record this step writes; the fields below load for the type chosen.',
    },
    {
      key: 'id_property',
      label: 'Match on',
      required: true,
      default: 'email',
      helpText: 'A unique property (e-mail for contacts, or any property with unique values).',
    },
  ],
  propertyFields: { objectType: { fromInput: 'object_type' }, purpose: 'update' },
  outputFields: [
    { key: 'id', label: 'Record ID', type: 'string' },
    { key: 'is_new', label: 'Created (not updated)', type: 'boolean' },
  ],
  sample: {
    id: '51',
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    archived: false,
    properties: { email: 'ada.lovelace@example.com', firstname: 'Ada' },
    is_new: true,
  },
  code: {
    reason:
      "Buffers many Zap runs into one batch call and hands each run its own result or error; a declaration describes one run's request.",
  },
  calls: {
    endpoints: [`POST ${paths.objects.batch('{objectType}', 'upsert')}`],
    perRun: `ceil(N/${BATCH.maxObjectInputs}) for N buffered runs (+1 to read property definitions)`,
  },
  async perform(ctx) {
    const results = await upsertAll(ctx, [{ id: 'single', input: ctx.input }]);
    const result = results.single!;
    if ('error' in result) throw new Error(result.error);
    return result.outputData;
  },
  buffer: {
    groupedBy: OPERATION_KEYS,
    limit: 1_000,
    performBuffer: (ctx, items) => upsertAll(ctx, items),
  },
};

interface Prepared {
  item: BufferedItem;
  idValue: string;
  properties: Record<string, string>;
}

async function upsertAll(ctx: OperationContext, items: readonly BufferedItem[]): Promise<BufferedResults> {
  const out: BufferedResults = {};
  const prepared: Prepared[] = [];
  for (const item of items) {
    try {
      prepared.push(await prepare(ctx, item));
    } catch (error) {
      out[item.id] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  const byType = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const key = `${objectTypeOf(p.item.input)}|${idPropertyOf(p.item.input)}`;
    byType.set(key, [...(byType.get(key) ?? []), p]);
  }
  for (const [key, group] of byType) {
    const [objectType, idProperty] = key.split('|') as [string, string];
    for (let i = 0; i < group.length; i += BATCH.maxObjectInputs) {
      await sendChunk(ctx, objectType, idProperty, group.slice(i, i + BATCH.maxObjectInputs), out);
    }
  }
  return out;
}

const objectTypeOf = (input: Record<string, unknown>) => String(input.object_type || 'contacts');
const idPropertyOf = (input: Record<string, unknown>) => String(input.id_property || 'email');

async function prepare(ctx: OperationContext, item: BufferedItem): Promise<Prepared> {
  const objectType = objectTypeOf(item.input);
  if (!findStandardObjectType(objectType) || !TYPES.includes(objectType)) {
    throw new FieldValidationError('object_type', 'Object type', `must be one of ${TYPES.join(', ')}.`);
  }
  const idProperty = idPropertyOf(item.input);
  const properties = await propertiesFromInput({ ...ctx, input: item.input }, objectType, OPERATION_KEYS);
  const idValue = properties[idProperty];
  if (!idValue) {
    throw new FieldValidationError(
      idProperty,
      idProperty,
      'is required: it is the value the record is matched on.',
    );
  }
  return { item, idValue, properties };
}

async function sendChunk(
  ctx: OperationContext,
  objectType: string,
  idProperty: string,
  chunk: Prepared[],
  out: BufferedResults,
): Promise<void> {
  // A failure of the whole call (an expired token, a rate limit, the daily quota, retries exhausted) is thrown, not
  // turned into per-run messages: the platform must see it to refresh the token, wait, or fail every run of the
  // buffer with the message. Upserts are safe to replay, so runs of chunks already written lose nothing.
  const startedAt = ctx.now();
  const answer = await ctx.api.request<UpsertAnswer>({
    method: 'POST',
    path: paths.objects.batch(objectType, 'upsert'),
    json: {
      inputs: chunk.map((p) => ({
        idProperty,
        id: p.idValue,
        properties: p.properties,
        objectWriteTraceId: p.item.id,
      })),
    },
    idempotent: true,
  });
  const { data } = answer;
  const errors = errorsFromBatch(data, { objectType });
  (data.errors ?? []).forEach((raw, i) => {
    const traceId = raw.context?.objectWriteTraceId?.[0];
    if (traceId && errors[i]) out[traceId] = { error: errors[i]!.message };
  });
  const byValue = new Map(chunk.map((p) => [p.idValue.toLowerCase(), p.item.id]));
  for (const record of data.results) {
    const runId =
      record.objectWriteTraceId ?? byValue.get(String(record.properties[idProperty] ?? '').toLowerCase());
    // A replay after a lost answer says `new: false` for what the lost attempt created: see `isNew`.
    const is_new = isNew(record, answer, { startedAt, now: ctx.now() });
    if (runId) out[runId] = { outputData: recordOutput(record, { is_new }) };
  }
  for (const p of chunk)
    out[p.item.id] ??= { error: 'HubSpot answered the batch without a result for this record.' };
}
