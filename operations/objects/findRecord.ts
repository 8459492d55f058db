import { paths } from '../../hubspot/paths';
import type { PortalPropertyDefinition } from '../propertyFields';
import { isRecordId, recordOutput, requiredText, segmentValue } from '../records';
import { propertiesToRetrieveField, retrievedProperties } from '../retrievedProperties';
import { type HubSpotRecord, searchRecords } from '../search';
import type { OperationContext, OperationDef } from '../types';
import { titleCase, withArticle } from '../wording';
import {
  isUniqueProperty,
  outputFieldsFor,
  type RecordOperationConfig,
  recordType,
  uniquePropertyWording,
} from './common';

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
  return {
    key: config.key,
    kind: 'search',
    noun: type.singular,
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
      endpoints: [`GET ${paths.objects.one(type.name, '{id}')}`, `POST ${paths.objects.search(type.name)}`],
      perRun: '1 (+1 to read property definitions when searching a non-unique property)',
    },
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
      const page = await searchRecords(ctx.api, type.name, {
        filterGroups: [{ filters: [{ propertyName: property, operator: 'EQ', value }] }],
        sorts: [{ propertyName: type.createdProperty, direction: 'DESCENDING' }],
        properties,
        limit: 10,
      });
      return page.results.map((r) => recordOutput(r));
    },
  };
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
