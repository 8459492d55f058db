import { paths } from '../../hubspot/paths';
import { propertiesFromInput, recordOutput } from '../records';
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
    inputFields: [...types.inputFields, ...recordLocatorFields(types, config.idPropertyDefault)],
    propertyFields: { objectType: types.ref, purpose: 'update' },
    outputFields: outputFieldsFor(type),
    sample: config.sample,
    calls: { endpoints: [`PATCH ${paths.objects.one(type.name, '{id}')}`], perRun: '1' },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const { value: id, idProperty } = recordLocatorInput(ctx, types.display);
      const properties = await propertiesFromInput(ctx, type.name, [
        ...types.inputKeys,
        'record_id',
        'id_property',
      ]);
      const { data } = await ctx.api.request<HubSpotRecord>({
        method: 'PATCH',
        path: paths.objects.one(type.name, id),
        query: { idProperty },
        json: { properties },
      });
      return recordOutput(data);
    },
  };
}
