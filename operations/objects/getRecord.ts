import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { listInput } from '../records';
import { answer, input, OBJECT_TYPE, path, type RequestSpec } from '../request';
import { propertiesToRetrieveField } from '../retrievedProperties';
import { outputOf, runState, sendRequest } from '../runRequests';
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
 * A read, not a search, so a record written a moment ago is found (search lags behind writes).
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

/** The read as data; Make's module is rendered from it. */
export const GET_REQUEST: RequestSpec = {
  method: 'GET',
  path: path(paths.objects.one, OBJECT_TYPE, input('record_id', { uniqueBy: 'id_property' })),
  query: {
    idProperty: input('id_property', { optional: true }),
    properties: { $: 'retrieve' },
    associations: input(ASSOCIATIONS, { optional: true, joined: true }),
  },
  output: { kind: 'record', extra: { [ASSOCIATIONS]: answer(ASSOCIATIONS) } },
};

const GET_CODE =
  "HubSpot's 404 for a missing record means no result (an empty list of results); a declared request takes a 4xx " +
  'answer as an error, so the read accepts the 404 in code. The object types chosen for associations are checked ' +
  'first, naming the field.';

/** The chosen association types, checked before the call (a label or sentence mapped in is refused). */
function checkAssociationTypes(input: Record<string, unknown>): void {
  const bad = listInput(input, ASSOCIATIONS).find((t) => !TYPE_NAME.test(t));
  if (bad !== undefined)
    throw new FieldValidationError(
      ASSOCIATIONS,
      ASSOCIATIONS_LABEL,
      `"${bad}" is not an object type name (such as companies, or a custom object's p_name or 2-123). Choose the types from the list.`,
    );
}

export function getRecordOperation(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  const def: OperationDef = {
    key: config.key,
    kind: 'search',
    noun: type.singular,
    objectType: types.ref,
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
    calls: { endpoints: declaredEndpoints([GET_REQUEST], type), perRun: '1' },
    requests: [GET_REQUEST],
    code: { reason: GET_CODE },
    async perform(ctx) {
      const type = types.resolve(ctx);
      // Every input is checked before the call: the locator (digits unless "Find by" names a property), the types.
      recordLocatorInput(ctx, types.display);
      checkAssociationTypes(ctx.input);
      const run = runState(type, def);
      const found = await sendRequest(ctx, GET_REQUEST, run, { acceptStatuses: [404] });
      if (found.status === 404) return [];
      return [(await outputOf(ctx, GET_REQUEST.output!, found, run)) as Record<string, unknown>];
    },
  };
  return def;
}
