import { SEARCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import {
  associationsOutput,
  includeAssociationsField,
  includedTypes,
  readAssociationsInBatch,
} from '../associations/read';
import { DEDUPE_KEY, dedupeKeyField } from '../dedupe';
import { declaredEndpoints } from '../endpoints';
import { MAX_ITEMS_PER_POLL, pollRecords } from '../polling';
import {
  answer,
  OBJECT_TYPE,
  type OutputSpec,
  type PollSpec,
  path,
  type RequestSpec,
  type Template,
} from '../request';
import { propertiesToRetrieveField } from '../retrievedProperties';
import { declaredPoll, resultOutput, runState } from '../runRequests';
import type { HubSpotRecord } from '../search';
import type { OperationContext, OperationDef, OperationResult } from '../types';
import { titleCase, withArticle } from '../wording';
import { outputFieldsFor, type RecordOperationConfig, recordType } from './common';

/**
 * A polling trigger's request as data: CRM search for records past the watermark on `time`, oldest first, with the
 * properties to retrieve, at HubSpot's largest page (a run costs as few of the 5 searches a second as it can), paged
 * up to 100 records a run.
 */
export function pollRequest(time: PollSpec['time'], extra?: Readonly<Record<string, Template>>): RequestSpec {
  return {
    method: 'POST',
    path: path(paths.objects.search, OBJECT_TYPE),
    search: true,
    poll: { time },
    body: { properties: { $: 'retrieve' }, limit: SEARCH.maxLimit },
    pagination: { cursor: 'body' },
    output: {
      kind: 'results',
      limit: { $: 'limit', default: MAX_ITEMS_PER_POLL, max: SEARCH.maxLimit },
      ...(extra ? { extra } : {}),
    },
  };
}

/** Why a polling trigger runs code around its declared search. */
export const POLL_CODE =
  "The poll's window, last id and backlog are kept in staged per-Zap state, saved only after the whole poll " +
  'succeeded (`operations/polling.ts`); a first poll returns the latest records; "Include associations" joins a ' +
  'second batched read per record. The declared poll leaves the watermark to each platform.';

/** Fires once per new record, in creation order, losing none (see `polling.ts`). */
export function newRecordTrigger(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const poll = pollRequest('createdProperty');
  const def: OperationDef = {
    key: config.key,
    kind: 'trigger',
    noun: type.singular,
    objectType: types.ref,
    label: titleCase(`New ${type.singular}`),
    description: `Triggers when a new ${type.singular.toLowerCase()} is created.`,
    inputFields: [...types.inputFields, includeAssociationsField, propertiesToRetrieveField(types.ref)],
    outputFields: outputFieldsFor(type),
    outputProperties: types.ref,
    sample: config.sample,
    calls: {
      endpoints: [
        ...declaredEndpoints([poll], type),
        `POST ${paths.associations.batch(type.name, '{toType}', 'read')}`,
      ],
      perRun:
        '1 when idle; 1 a poll of up to 100 new records (a larger backlog over the next polls); +1 per included type (and per record past 500 associations)',
    },
    requests: [poll],
    code: { reason: POLL_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const run = runState(type, def);
      const { records } = await pollRecords(ctx, {
        ...(await declaredPoll(ctx, poll, run)),
        stateKey: `created${types.stateSuffix(ctx)}`,
      });
      return withAssociations(ctx, type.name, records, (r) => resultOutput(ctx, output(poll), r, run));
    },
  };
  return def;
}

/**
 * Fires once per change of a record (new or updated). `id` is the record id; Zapier dedupes on the dedupe key, which
 * joins the record id and its modification time, so a second update of the same record fires again.
 */
export function newOrUpdatedRecordTrigger(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  const poll = pollRequest('lastModifiedProperty', {
    record_id: answer('id'),
    [DEDUPE_KEY]: { $: 'changeKey' },
  });
  const def: OperationDef = {
    key: config.key,
    kind: 'trigger',
    noun: type.singular,
    objectType: types.ref,
    label: titleCase(`New or Updated ${type.singular}`),
    description: `Triggers when ${withArticle(noun)} is created or any of its properties changes.`,
    inputFields: [...types.inputFields, includeAssociationsField, propertiesToRetrieveField(types.ref)],
    outputFields: [
      { key: 'record_id', label: `${type.singular} ID`, type: 'string' },
      ...outputFieldsFor(type),
      dedupeKeyField('Record ID and Modification Time'),
    ],
    outputProperties: types.ref,
    sample: {
      ...config.sample,
      record_id: config.sample.id,
      [DEDUPE_KEY]: `${config.sample.id}-1767603600000`,
    },
    calls: {
      endpoints: [
        ...declaredEndpoints([poll], type),
        `POST ${paths.associations.batch(type.name, '{toType}', 'read')}`,
      ],
      perRun:
        '1 when idle; 1 a poll of up to 100 changes (a larger backlog over the next polls); +1 per included type (and per record past 500 associations)',
    },
    requests: [poll],
    code: { reason: POLL_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const run = runState(type, def);
      const { records } = await pollRecords(ctx, {
        ...(await declaredPoll(ctx, poll, run)),
        stateKey: `modified${types.stateSuffix(ctx)}`,
      });
      return withAssociations(ctx, type.name, records, (r) => resultOutput(ctx, output(poll), r, run));
    },
  };
  return def;
}

/** Outputs a poll's records, with their associations when the user asked for them: one batch call per type. */
async function withAssociations(
  ctx: OperationContext,
  objectType: string,
  records: HubSpotRecord[],
  output: (record: HubSpotRecord) => Promise<OperationResult>,
): Promise<OperationResult[]> {
  const outputs = await Promise.all(records.map(output));
  const toTypes = includedTypes(ctx.input);
  if (toTypes.length === 0 || records.length === 0) return outputs;
  const ids = [...new Set(records.map((r) => r.id))];
  const associations = await readAssociationsInBatch(ctx, objectType, ids, toTypes);
  return records.map((r, i) => ({ ...outputs[i]!, ...associationsOutput(associations.get(r.id) ?? {}) }));
}

/** A poll's declared output (`pollRequest` always declares one). */
const output = (poll: RequestSpec) => poll.output as Extract<OutputSpec, { kind: 'results' }>;
