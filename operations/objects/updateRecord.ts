import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { input, OBJECT_TYPE, PROPERTIES, path, type RequestSpec } from '../request';
import {
  checkPropertiesToRetrieve,
  propertiesToRetrieveField,
  RETRIEVE_CODE,
  RETRIEVE_READ,
  withRetrievedProperties,
} from '../retrievedProperties';
import { runRequests, runState } from '../runRequests';
import type { OperationDef, OperationResult } from '../types';
import { titleCase } from '../wording';
import {
  outputFieldsFor,
  type RecordOperationConfig,
  recordLocatorFields,
  recordLocatorInput,
  recordType,
  uniquePropertyWording,
} from './common';

/** The update as data: the record by id, or by the unique property chosen in "Find by" (`idProperty`). */
export const UPDATE_REQUEST: RequestSpec = {
  method: 'PATCH',
  path: path(paths.objects.one, OBJECT_TYPE, input('record_id', { uniqueBy: 'id_property' })),
  query: { idProperty: input('id_property', { optional: true }) },
  body: { properties: PROPERTIES },
  output: { kind: 'record' },
};

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
  const def: OperationDef = {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    objectType: types.ref,
    typeWrite: 'update',
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
        ...declaredEndpoints([UPDATE_REQUEST], type),
        `GET ${paths.objects.one(type.name, '{id}')}`,
      ],
      perRun: `1; ${RETRIEVE_READ}`,
    },
    requests: [UPDATE_REQUEST],
    code: { reason: RETRIEVE_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx, 'update');
      recordLocatorInput(ctx, types.display);
      checkPropertiesToRetrieve(ctx.input);
      const output = (await runRequests(ctx, [UPDATE_REQUEST], runState(type, def))) as OperationResult;
      return withRetrievedProperties(ctx, type, output);
    },
  };
  return def;
}
