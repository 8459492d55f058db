import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { listInput, recordOutput } from '../records';
import { propertiesToRetrieveField, retrievedProperties } from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { InputFieldDef, OperationDef } from '../types';
import { titleCase, withArticle } from '../wording';
import {
  outputFieldsFor,
  type RecordOperationConfig,
  recordLocatorFields,
  recordLocatorInput,
  recordType,
  uniquePropertyWording,
} from './common';

/**
 * Reads one record by id or by a unique property, with the properties chosen and, optionally, the ids of its
 * associated records, in one call: `GET /crm/v3/objects/{type}/{id}?idProperty=&properties=&associations=`
 * (https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/basic/get-crm-v3-objects-contacts-contactId).
 * A read, not a search, so a record written a moment ago is found (search lags behind writes). A missing record is
 * HubSpot's 404, which a search step answers with no result.
 */

export const ASSOCIATIONS = 'associations';
const ASSOCIATIONS_LABEL = 'Associated record types';

/** HubSpot's object type names and ids (`contacts`, `p_cars`, `2-123`): what `associations=` accepts. */
const TYPE_NAME = /^[A-Za-z0-9_-]+$/;

const associationsField: InputFieldDef = {
  key: ASSOCIATIONS,
  label: ASSOCIATIONS_LABEL,
  list: true,
  required: false,
  dropdown: { kind: 'objectTypes' },
  helpText:
    'Object types whose associated record IDs are output with the record (under associations), in the same call. ' +
    'Leave empty for none.',
};

/** The chosen association types, checked before the call (a label or sentence mapped in is refused). */
export function associationTypesInput(input: Record<string, unknown>): string[] {
  const types = [...new Set(listInput(input, ASSOCIATIONS))];
  const bad = types.find((t) => !TYPE_NAME.test(t));
  if (bad !== undefined)
    throw new FieldValidationError(
      ASSOCIATIONS,
      ASSOCIATIONS_LABEL,
      `"${bad}" is not an object type name (such as companies, or a custom object's p_name or 2-123). Choose the types from the list.`,
    );
  return types;
}

export function getRecordOperation(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  return {
    key: config.key,
    kind: 'search',
    noun: type.singular,
    label: titleCase(`Find ${type.singular} by ID`),
    description: `Finds ${withArticle(noun)} by record ID or ${uniquePropertyWording(types.ref)}, reading it directly (no search delay).`,
    inputFields: [
      ...types.inputFields,
      ...recordLocatorFields(types),
      propertiesToRetrieveField(types.ref),
      associationsField,
    ],
    outputFields: [...outputFieldsFor(type), { key: ASSOCIATIONS, label: 'Associated records' }],
    outputProperties: types.ref,
    sample: config.sample,
    calls: { endpoints: [`GET ${paths.objects.one(type.name, '{id}')}`], perRun: '1' },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const { value, idProperty } = recordLocatorInput(ctx, types.display);
      const properties = retrievedProperties(ctx, type);
      const associations = associationTypesInput(ctx.input);
      const { status, data } = await ctx.api.request<HubSpotRecord>({
        method: 'GET',
        path: paths.objects.one(type.name, value),
        query: {
          idProperty,
          properties: properties.join(','),
          ...(associations.length ? { associations: associations.join(',') } : {}),
        },
        acceptStatuses: [404],
      });
      if (status === 404) return [];
      return [recordOutput(data, data.associations ? { associations: data.associations } : {})];
    },
  };
}
