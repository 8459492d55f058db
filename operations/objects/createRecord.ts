import { FieldValidationError } from '../../hubspot/coerce';
import { ConflictError } from '../../hubspot/errors';
import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import type { PortalPropertyDefinition } from '../propertyFields';
import { recordOutput } from '../records';
import { type AssociationTarget, input, OBJECT_TYPE, PROPERTIES, path, type RequestSpec } from '../request';
import {
  checkPropertiesToRetrieve,
  propertiesToRetrieveField,
  RETRIEVE_READ,
  retrievedProperties,
  withRetrievedProperties,
} from '../retrievedProperties';
import { outputOf, runState, sendRequest, stepProperties } from '../runRequests';
import type { HubSpotRecord } from '../search';
import type { OperationContext, OperationDef, OperationResult } from '../types';
import { titleCase } from '../wording';
import { associationInputs } from './associationFields';
import { type CreateSteps, createOnce, noteCreated } from './claimedCreate';
import { outputFieldsFor, type RecordOperationConfig, recordType } from './common';
import { createCheck, mayHaveBeenApplied, readBack, uniqueValueOf } from './lostAnswer';

/**
 * The create as data: `POST /crm/v3/objects/{type}` (201) with the record's properties and, when the type has
 * record-id fields (an engagement's contacts, a line item's deal), inline `associations` with HubSpot's default
 * types, in the same call. https://developers.hubspot.com/docs/api/crm/understanding-the-crm
 */
export function createRequest(
  options: {
    associations?: readonly AssociationTarget[];
    /** Properties set from a record-id field of the operation (`hs_product_id` from `product_id`). */
    with?: Record<string, string>;
  } = {},
): RequestSpec {
  const targets = options.associations ?? [];
  const lists = targets.filter((t) => t.list);
  const singles = targets.filter((t) => !t.list);
  const standIns = Object.fromEntries(
    Object.entries(options.with ?? {}).map(([name, key]) => [
      name,
      input(key, { optional: true, recordId: true }),
    ]),
  );
  return {
    method: 'POST',
    path: path(paths.objects.create, OBJECT_TYPE),
    body: {
      properties: Object.keys(standIns).length ? { ...PROPERTIES, with: standIns } : PROPERTIES,
      ...(targets.length ? { associations: { $: 'associations', targets } } : {}),
    },
    output: {
      kind: 'record',
      // The ids it was associated with: by type for lists of ids, the id itself for a single one.
      ...(targets.length
        ? {
            extra: {
              ...(lists.length
                ? {
                    associated_ids: Object.fromEntries(
                      lists.map((t) => [t.toType, input(t.input, { list: true })]),
                    ),
                  }
                : {}),
              ...Object.fromEntries(singles.map((t) => [t.input, input(t.input, { optional: true })])),
            },
          }
        : {}),
    },
  };
}

/** Why a create runs code besides its declared request. */
export const CREATE_CODE =
  "A create's answer may be lost (connection, timeout, 5xx) after HubSpot wrote it: with a unique value the record " +
  'is read back and returned when HubSpot created it during this step; a search-or-create whose create meets a ' +
  'record written seconds ago (409) returns that one; Find or Create Company claims a new domain in the ' +
  "platform's shared store and returns the company the claiming run created, or without a claim keeps the oldest " +
  'company with the domain; chosen properties the answer lacks cost one read. Each depends on the answer, the ' +
  'failure or the store, which declared requests cannot branch on.';

/** Creates one record: `POST /crm/v3/objects/{type}` (201). https://developers.hubspot.com/docs/api/crm/understanding-the-crm */
export function createRecordOperation(
  config: RecordOperationConfig & {
    /** Properties HubSpot's guide for the type says a create should include (e.g. a deal's name and stage). */
    requiredProperties?: readonly string[];
    /**
     * The property a find-or-create matches on that HubSpot does not keep unique (a company's domain). As the create
     * of a search-or-create step, the record created first with that value is kept (`keepOldest.ts`).
     */
    matchOn?: string;
    /** Types whose existing records the create can associate, with a label, in the same call. */
    associateWith?: readonly string[];
  },
): OperationDef {
  const required = config.requiredProperties ?? [];
  const types = recordType(config);
  const type = types.display;
  const matchOn = config.matchOn;
  const links = associationInputs(type.name, config.associateWith ?? []);
  const request = createRequest({ associations: links.targets });
  const def: OperationDef = {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    objectType: types.ref,
    typeWrite: 'create',
    label: titleCase(`Create ${type.singular}`),
    description: `Creates a new ${type.singular.toLowerCase()}.`,
    inputFields: [...types.inputFields, ...links.fields, propertiesToRetrieveField(types.ref)],
    propertyFields: { objectType: types.ref, purpose: 'create', required },
    outputFields: outputFieldsFor(type),
    outputProperties: types.ref,
    sample: config.sample,
    calls: matchOn
      ? {
          endpoints: [
            ...declaredEndpoints([request], type),
            `POST ${paths.objects.search(type.name)}`,
            `DELETE ${paths.objects.one(type.name, '{id}')}`,
            `GET ${paths.objects.one(type.name, '{id}')}`,
          ],
          perRun:
            `1; in Find or Create with a ${matchOn}: 1 while z.cache answers (the run that claims the ${matchOn} ` +
            `creates the ${type.singular.toLowerCase()}; the others read the one it created, chosen properties ` +
            `included), else + 1 search per check until search shows the new ${type.singular.toLowerCase()} ` +
            `(index lag; a few checks), + 1 archive when another one with that ${matchOn} came first; ${RETRIEVE_READ}`,
        }
      : {
          endpoints: [...declaredEndpoints([request], type), `GET ${paths.objects.one(type.name, '{id}')}`],
          perRun: `1; ${RETRIEVE_READ}`,
        },
    requests: [request],
    code: { reason: CREATE_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx, 'create');
      checkPropertiesToRetrieve(ctx.input);
      const run = runState(type, def);
      const properties = await stepProperties(ctx, run);
      const missing = required.find((name) => !properties[name]);
      if (missing) throw new FieldValidationError(missing, missing, 'is required to create a record.');
      const defs = (await ctx.schema.properties(type.name)) as PortalPropertyDefinition[];
      const startedAt = ctx.now();
      const steps: CreateSteps = {
        async send() {
          try {
            const answer = await sendRequest<HubSpotRecord>(ctx, request, run, {
              // A create is never repeated blind; if its answer is lost, the message says what to look for.
              errorContext: { unconfirmedWrite: createCheck(type, defs, properties, matchOn) },
            });
            return { answer };
          } catch (error) {
            const recovered = await recover(ctx, type, error, { defs, properties, startedAt });
            if (recovered) return { recovered };
            throw error;
          }
        },
        async finish(sent) {
          const output =
            'answer' in sent
              ? ((await outputOf(ctx, request.output!, sent.answer, run)) as OperationResult)
              : sent.recovered;
          return withRetrievedProperties(ctx, type, output);
        },
      };
      const match =
        matchOn && properties[matchOn] ? { name: matchOn, value: properties[matchOn] } : undefined;
      if (ctx.withSearch && match) return createOnce(ctx, type, match, steps);
      const sent = await steps.send();
      if (match && 'answer' in sent) await noteCreated(ctx, match.value, sent.answer.data);
      return steps.finish(sent);
    },
  };
  return def;
}

/**
 * A failed create that still has an answer for the step:
 * - In a search-or-create step the search can miss a record written seconds ago (search index lag); HubSpot then
 *   refuses the create with the existing id. Returning that record keeps the step from failing and from creating a
 *   duplicate.
 * - When the answer was lost (connection, timeout, 5xx), HubSpot may have created the record. With a unique value it
 *   is read back: returned as created when the read proves this create wrote it, or as existing in a search-or-create
 *   (the value was already taken). Without a unique value nothing proves which record is ours, so the error stands;
 *   its message says what to search for.
 */
async function recover(
  ctx: OperationContext,
  type: ObjectTypeDef,
  error: unknown,
  write: { defs: PortalPropertyDefinition[]; properties: Record<string, string>; startedAt: number },
): Promise<OperationResult | undefined> {
  if (ctx.withSearch && error instanceof ConflictError && error.existingId) {
    const { data } = await ctx.api.request<HubSpotRecord>({
      method: 'GET',
      path: paths.objects.one(type.name, error.existingId),
      query: { properties: retrievedProperties(ctx, type).join(',') },
    });
    return recordOutput(data, { existing: true });
  }
  const key = uniqueValueOf(type, write.defs, write.properties);
  if (!mayHaveBeenApplied(error) || !key) return undefined;
  const found = await readBack(ctx, type, key, write.properties, write.startedAt);
  if (found?.createdByUs) return recordOutput(found.record);
  if (found && ctx.withSearch) return recordOutput(found.record, { existing: true });
  return undefined;
}
