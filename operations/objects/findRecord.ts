import { SEARCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import type { PortalPropertyDefinition } from '../propertyFields';
import { isRecordId, recordOutput, requiredText, segmentValue } from '../records';
import { input, type LimitLeaf, OBJECT_TYPE, path, type RequestSpec } from '../request';
import { propertiesToRetrieveField, retrievedProperties } from '../retrievedProperties';
import { runRequests, runState } from '../runRequests';
import type { HubSpotRecord } from '../search';
import type { OperationContext, OperationDef } from '../types';
import { titleCase, withArticle } from '../wording';
import {
  isUniqueProperty,
  outputFieldsFor,
  type RecordOperationConfig,
  recordType,
  uniquePropertyWording,
} from './common';

/** A find outputs its first 10 matches (a search step uses its first), or Make's Limit, at most a page of 200. */
const FIND_LIMIT: LimitLeaf = { $: 'limit', default: 10, max: SEARCH.maxLimit };

/**
 * The find as data: CRM search on the chosen property (`EQ`), newest first, with the properties to retrieve and the
 * one searched on, paged up to the limit. https://developers.hubspot.com/docs/api/crm/search
 */
export const FIND_REQUEST: RequestSpec = {
  method: 'POST',
  path: path(paths.objects.search, OBJECT_TYPE),
  search: true,
  body: {
    filterGroups: [
      {
        filters: [{ propertyName: input('search_property'), operator: 'EQ', value: input('search_value') }],
      },
    ],
    sorts: [{ propertyName: { $: 'typeProperty', pick: 'createdProperty' }, direction: 'DESCENDING' }],
    properties: { $: 'retrieve', alsoInput: 'search_property' },
    limit: FIND_LIMIT,
  },
  pagination: { cursor: 'body' },
  output: { kind: 'results', limit: FIND_LIMIT },
};

/** Why a find runs code besides its declared search. */
const FIND_CODE =
  'By record ID or a unique property (e-mail) the record is read directly (`GET …/{id}?idProperty=`), which sees a ' +
  "write at once where search lags seconds, and HubSpot's 404 means no result. A declared request takes a 4xx " +
  'answer as an error, so the declaration is the search, which finds by any property.';

/**
 * Finds records by id, by a unique property, or by any searchable property.
 * By id or a unique property it reads the record directly (`GET ...?idProperty=`), which sees a record the moment it
 * is written; CRM search would miss it for a few seconds (index lag) and lead a search-or-create step to create a
 * duplicate. Other properties go through search (`EQ`).
 */
export function findRecordOperation(
  config: RecordOperationConfig & { searchPropertyDefault: string },
): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  const def: OperationDef = {
    key: config.key,
    kind: 'search',
    noun: type.singular,
    objectType: types.ref,
    label: titleCase(`Find ${type.singular}`),
    description: `Finds ${withArticle(noun)} by record ID, by ${uniquePropertyWording(types.ref)}, or by any other property.`,
    inputFields: [
      ...types.inputFields,
      {
        key: 'search_property',
        label: 'Search by',
        required: true,
        default: config.searchPropertyDefault,
        dropdown: { kind: 'properties', objectType: types.ref },
        helpText: 'The property to match. Choose "Record ID" (hs_object_id) to find by HubSpot id.',
      },
      {
        key: 'search_value',
        label: 'Value',
        required: true,
        helpText: 'The value to look for (exact match).',
      },
      propertiesToRetrieveField(types.ref),
    ],
    outputFields: outputFieldsFor(type),
    outputProperties: types.ref,
    sample: config.sample,
    calls: {
      endpoints: [...declaredEndpoints([FIND_REQUEST], type), `GET ${paths.objects.one(type.name, '{id}')}`],
      perRun: '1 (+1 to read property definitions when searching a non-unique property)',
    },
    requests: [FIND_REQUEST],
    code: { reason: FIND_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const property = requiredText(ctx, 'search_property', 'Search by');
      const value = requiredText(ctx, 'search_value', 'Value');
      // The property searched on comes back too, as it is in the search answer.
      const byId = property === 'hs_object_id' || property === 'id';
      const properties = [...new Set([...retrievedProperties(ctx, type), ...(byId ? [] : [property])])];
      if (byId) return readOne(ctx, type.name, properties, value);
      if (await isUnique(ctx, type.name, property))
        return readOne(
          ctx,
          type.name,
          properties,
          segmentValue(value, { key: 'search_value', label: 'Value' }),
          property,
        );
      return runRequests(ctx, [FIND_REQUEST], runState(type, def));
    },
  };
  return def;
}

/** One read by id or unique value, with the properties to retrieve in the same call (`?properties=`). */
async function readOne(
  ctx: OperationContext,
  objectType: string,
  properties: readonly string[],
  id: string,
  idProperty?: string,
) {
  if (!idProperty && !isRecordId(id)) return [];
  const { status, data } = await ctx.api.request<HubSpotRecord>({
    method: 'GET',
    path: paths.objects.one(objectType, id),
    query: { idProperty, properties: properties.join(',') },
    acceptStatuses: [404],
  });
  return status === 404 ? [] : [recordOutput(data)];
}

async function isUnique(ctx: OperationContext, objectType: string, property: string): Promise<boolean> {
  if (isUniqueProperty(objectType, undefined, property)) return true;
  const defs = (await ctx.schema.properties(objectType)) as PortalPropertyDefinition[];
  return isUniqueProperty(
    objectType,
    defs.find((d) => d.name === property),
    property,
  );
}
