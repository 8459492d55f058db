import { errorsFromBatch } from '../../hubspot/classify';
import type { HubSpotResponse } from '../../hubspot/client';
import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { propertiesFromInput, recordOutput, requiredText } from '../records';
import {
  checkPropertiesToRetrieve,
  PROPERTIES_TO_RETRIEVE,
  propertiesToRetrieveField,
  RETRIEVE_READ,
  withRetrievedProperties,
} from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { OperationDef } from '../types';
import { titleCase, withArticle } from '../wording';
import { outputFieldsFor, type RecordOperationConfig, recordType, uniquePropertyWording } from './common';
import { createdDuringAttempt } from './lostAnswer';

interface UpsertResponse {
  results: Array<HubSpotRecord & { new?: boolean }>;
  errors?: unknown[];
}

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
  return {
    key: config.key,
    kind: 'create',
    noun: type.singular,
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
        `POST ${paths.objects.batch(type.name, 'upsert')}`,
        `GET ${paths.objects.one(type.name, '{id}')}`,
      ],
      perRun: `1; ${RETRIEVE_READ}`,
    },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const idProperty = ctx.input.id_property
        ? String(ctx.input.id_property)
        : (config.idPropertyDefault ?? requiredText(ctx, 'id_property', 'Match on'));
      checkPropertiesToRetrieve(ctx.input);
      const properties = await propertiesFromInput(ctx, type.name, [
        ...types.inputKeys,
        'id_property',
        PROPERTIES_TO_RETRIEVE,
      ]);
      const id = properties[idProperty];
      if (!id) {
        throw new FieldValidationError(
          idProperty,
          idProperty,
          `is required: it is the value the ${noun} is matched on.`,
        );
      }
      const startedAt = ctx.now();
      const answer = await ctx.api.request<UpsertResponse>({
        method: 'POST',
        path: paths.objects.batch(type.name, 'upsert'),
        json: { inputs: [{ idProperty, id, properties }] },
        idempotent: true,
      });
      const [error] = errorsFromBatch(answer.data, { objectType: type.name });
      if (error) throw error;
      const [record] = answer.data.results;
      if (!record) throw new Error(`HubSpot answered the upsert of ${noun} ${id} without a record.`);
      return withRetrievedProperties(
        ctx,
        type,
        recordOutput(record, { is_new: isNew(record, answer, { startedAt, now: ctx.now() }) }),
      );
    },
  };
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
