import type { HubSpotResponse } from '../../hubspot/client';
import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { requiredText } from '../records';
import { answer, input, OBJECT_TYPE, PROPERTIES, path, type RequestSpec } from '../request';
import {
  checkPropertiesToRetrieve,
  propertiesToRetrieveField,
  RETRIEVE_CODE,
  RETRIEVE_READ,
  withRetrievedProperties,
} from '../retrievedProperties';
import { outputOf, runState, sendRequest, stepProperties } from '../runRequests';
import type { HubSpotRecord } from '../search';
import type { OperationDef, OperationResult } from '../types';
import { titleCase, withArticle } from '../wording';
import { outputFieldsFor, type RecordOperationConfig, recordType, uniquePropertyWording } from './common';
import { createdDuringAttempt } from './lostAnswer';

interface UpsertResponse {
  results: Array<HubSpotRecord & { new?: boolean }>;
  errors?: unknown[];
}

/**
 * The upsert as data: one input matched on the property chosen in "Match on", whose value is the step's value of
 * that property; safe to repeat, as HubSpot matches on the unique value. The answer's first result is the record.
 */
export const UPSERT_REQUEST: RequestSpec = {
  method: 'POST',
  path: path(paths.objects.batch, OBJECT_TYPE, 'upsert'),
  body: {
    inputs: [
      {
        idProperty: input('id_property'),
        id: { $: 'propertyNamedBy', key: 'id_property' },
        properties: PROPERTIES,
      },
    ],
  },
  idempotent: true,
  output: { kind: 'record', from: 'firstResult', extra: { is_new: answer('new', false) } },
};

/** Why an upsert runs code besides its declared request. */
const UPSERT_CODE =
  "`is_new` after a replayed upsert comes from HubSpot's creation time, not from the replay's answer (`isNew`), " +
  "which needs the client's count of uncertain attempts; the declared output is HubSpot's `new`. Besides, " +
  RETRIEVE_CODE.charAt(0).toLowerCase() +
  RETRIEVE_CODE.slice(1);

/**
 * Creates or updates one record in ONE HubSpot call: `POST /crm/v3/objects/{type}/batch/upsert` with `idProperty`,
 * a property whose values are unique (a contact's e-mail, or any property with `hasUniqueValue`). No search first,
 * so HubSpot's search-index lag cannot cause a duplicate, and the call is safe to retry.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-upsert
 */
export function upsertRecordOperation(
  config: RecordOperationConfig & { idPropertyDefault?: string },
): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  const def: OperationDef = {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    objectType: types.ref,
    typeWrite: 'create',
    label: titleCase(`Create or Update ${type.singular}`),
    description: `Creates ${withArticle(noun)}, or updates the one matched by ${uniquePropertyWording(types.ref)}, in one call.`,
    inputFields: [
      ...types.inputFields,
      {
        key: 'id_property',
        label: 'Match on',
        required: true,
        default: config.idPropertyDefault,
        dropdown: { kind: 'uniqueProperties', objectType: types.ref },
        helpText: `The unique property that identifies the ${noun}. Its value is taken from the matching field below.`,
      },
      propertiesToRetrieveField(types.ref),
    ],
    propertyFields: { objectType: types.ref, purpose: 'update' },
    outputFields: [
      ...outputFieldsFor(type),
      { key: 'is_new', label: 'Created (not updated)', type: 'boolean' },
    ],
    outputProperties: types.ref,
    sample: { ...config.sample, is_new: true },
    calls: {
      endpoints: [
        ...declaredEndpoints([UPSERT_REQUEST], type),
        `GET ${paths.objects.one(type.name, '{id}')}`,
      ],
      perRun: `1; ${RETRIEVE_READ}`,
    },
    requests: [UPSERT_REQUEST],
    code: { reason: UPSERT_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx, 'create');
      const idProperty = ctx.input.id_property
        ? String(ctx.input.id_property)
        : (config.idPropertyDefault ?? requiredText(ctx, 'id_property', 'Match on'));
      checkPropertiesToRetrieve(ctx.input);
      // The default "Match on" stands for an empty field, as the editor shows it.
      const step = { ...ctx, input: { ...ctx.input, id_property: idProperty } };
      const run = runState(type, def);
      const properties = await stepProperties(step, run);
      const id = properties[idProperty];
      if (!id) {
        throw new FieldValidationError(
          idProperty,
          idProperty,
          `is required: it is the value the ${noun} is matched on.`,
        );
      }
      const startedAt = ctx.now();
      const answer = await sendRequest<UpsertResponse>(step, UPSERT_REQUEST, run);
      const output = (await outputOf(step, UPSERT_REQUEST.output!, answer, run)) as OperationResult;
      const record = answer.data.results[0]!;
      return withRetrievedProperties(ctx, type, {
        ...output,
        is_new: isNew(record, answer, { startedAt, now: ctx.now() }),
      });
    },
  };
  return def;
}

/**
 * HubSpot's `new` describes the attempt that answered. When an earlier attempt went unanswered (connection lost,
 * timeout, 5xx) and the client replayed the upsert, that lost attempt may be the one that created the record, and the
 * replay, finding it, answers `new: false`. Reading before replaying would not settle it either: a record found then
 * may be the lost attempt's or an older one. What does is HubSpot's own `createdAt`. A record HubSpot created after this step sent
 * its first attempt was created by that attempt (`createdDuringAttempt`, on HubSpot's clock); an older one existed
 * before and was updated. (A record another writer created within those same seconds also counts as created: it did
 * not exist when the step started.)
 */
export function isNew(
  record: HubSpotRecord & { new?: boolean },
  answer: Pick<HubSpotResponse, 'headers' | 'uncertainAttempts'>,
  attempt: { startedAt: number; now: number },
): boolean {
  if (record.new || answer.uncertainAttempts === 0) return record.new ?? false;
  return createdDuringAttempt(record, { ...attempt, answer });
}
