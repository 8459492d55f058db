import { FieldValidationError } from '../../hubspot/coerce';
import { ConflictError } from '../../hubspot/errors';
import { paths } from '../../hubspot/paths';
import { propertiesFromInput, recordOutput } from '../records';
import type { HubSpotRecord } from '../search';
import type { OperationDef } from '../types';
import { titleCase } from '../wording';
import { outputFieldsFor, type RecordOperationConfig, recordType } from './common';

/** Creates one record: `POST /crm/v3/objects/{type}` (201). https://developers.hubspot.com/docs/api/crm/understanding-the-crm */
export function createRecordOperation(
  config: RecordOperationConfig & {
    /** Properties HubSpot's guide for the type says a create should include (e.g. a deal's name and stage). */
    requiredProperties?: readonly string[];
  },
): OperationDef {
  const required = config.requiredProperties ?? [];
  const types = recordType(config);
  const type = types.display;
  return {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    label: titleCase(`Create ${type.singular}`),
    description: `Creates a new ${type.singular.toLowerCase()}.`,
    inputFields: types.inputFields,
    propertyFields: { objectType: types.ref, purpose: 'create', required },
    outputFields: outputFieldsFor(type),
    sample: config.sample,
    calls: { endpoints: [`POST ${paths.objects.create(type.name)}`], perRun: '1' },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const properties = await propertiesFromInput(ctx, type.name, types.inputKeys);
      const missing = required.find((name) => !properties[name]);
      if (missing) throw new FieldValidationError(missing, missing, 'is required to create a record.');
      try {
        const { data } = await ctx.api.request<HubSpotRecord>({
          method: 'POST',
          path: paths.objects.create(type.name),
          json: { properties },
        });
        return recordOutput(data);
      } catch (error) {
        // In a search-or-create step the search can miss a record written seconds ago (search index lag); HubSpot
        // then refuses the create with the existing id. Returning that record keeps the step from failing and
        // from creating a duplicate.
        if (ctx.withSearch && error instanceof ConflictError && error.existingId) {
          const { data } = await ctx.api.request<HubSpotRecord>({
            method: 'GET',
            path: paths.objects.one(type.name, error.existingId),
          });
          return recordOutput(data, { existing: true });
        }
        throw error;
      }
    },
  };
}
