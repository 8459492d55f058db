import { paths } from '../../hubspot/paths';
import { propertiesFromInput, recordOutput } from '../records';
import {
  checkPropertiesToRetrieve,
  PROPERTIES_TO_RETRIEVE,
  propertiesToRetrieveField,
  RETRIEVE_READ,
  withRetrievedProperties,
} from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { OperationDef } from '../types';
import { titleCase } from '../wording';
import {
  outputFieldsFor,
  type RecordOperationConfig,
  recordLocatorFields,
  recordLocatorInput,
  recordType,
  uniquePropertyWording,
} from './common';

/**
 * Updates one record by id, or by a unique property with `idProperty` (e.g. a contact's e-mail): one
 * `PATCH /crm/v3/objects/{type}/{id}`. An empty value clears the property in HubSpot.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/basic/patch-crm-v3-objects-contacts-contactId
 */
export function updateRecordOperation(
  config: RecordOperationConfig & { idPropertyDefault?: string },
): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  return {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    label: titleCase(`Update ${type.singular}`),
    description: `Updates an existing ${noun}, found by its record ID or by ${uniquePropertyWording(types.ref)}.`,
    inputFields: [
      ...types.inputFields,
      ...recordLocatorFields(types, config.idPropertyDefault),
      propertiesToRetrieveField(types.ref),
    ],
    propertyFields: { objectType: types.ref, purpose: 'update' },
    outputFields: outputFieldsFor(type),
    outputProperties: types.ref,
    sample: config.sample,
    calls: {
      endpoints: [
        `PATCH ${paths.objects.one(type.name, '{id}')}`,
        `GET ${paths.objects.one(type.name, '{id}')}`,
      ],
      perRun: `1; ${RETRIEVE_READ}`,
    },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const { value: id, idProperty } = recordLocatorInput(ctx, types.display);
      checkPropertiesToRetrieve(ctx.input);
      const properties = await propertiesFromInput(ctx, type.name, [
        ...types.inputKeys,
        'record_id',
        'id_property',
        PROPERTIES_TO_RETRIEVE,
      ]);
      const { data } = await ctx.api.request<HubSpotRecord>({
        method: 'PATCH',
        path: paths.objects.one(type.name, id),
        query: { idProperty },
        json: { properties },
      });
      return withRetrievedProperties(ctx, type, recordOutput(data));
    },
  };
}
