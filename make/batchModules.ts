import { BATCH } from '../hubspot/limits';
import { paths } from '../hubspot/paths';
import type { OperationDef } from '../operations/types';
import { toMakeParam } from './fields';
import type { Json, MakeModule } from './model';
import { camelCase } from './naming';
import { imlPath } from './objectRef';
import type { PathParams } from './pathGuards';
import { fieldMessage, guardStep } from './pathGuards';

/**
 * Make modules taking an array of records (Make scenarios aggregate bundles into arrays; a Zapier step handles one
 * record, and Zapier buffers runs instead), each one call to HubSpot's batch endpoints,
 * `POST /crm/v3/objects/{type}/batch/create|update|upsert|archive`, at most 100 inputs each.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-upsert
 * Make calls a module once per bundle and splits nothing itself, so more than 100 records stop the module with a
 * DataError naming the field before any call: the scenario's array aggregator can group them by 100.
 */

const MAX = BATCH.maxObjectInputs;
const INPUTS = { name: 'inputs', label: 'Records' };
const TOO_MANY = guardStep(
  `length(parameters.inputs) <= ${MAX}`,
  fieldMessage(
    INPUTS,
    `has {{length(parameters.inputs)}} records; at most ${MAX} are allowed per run (group them by ${MAX} in the array aggregator).`,
  ),
);

const PROPERTIES: Json = {
  name: 'properties',
  type: 'any',
  label: 'Properties',
  help: 'A collection of property name → value.',
};
const RECORD_ID: Json = { name: 'id', type: 'text', label: 'Record ID', required: true };

function inputsParam(help: string, spec: Json[]): Json {
  return {
    ...INPUTS,
    type: 'array',
    required: true,
    validate: { maxItems: MAX },
    help: `Up to ${MAX} records, e.g. from an array aggregator. ${help}`,
    spec,
  };
}

const WRITE_OUTPUT: Pick<MakeModule, 'interface' | 'samples'> = {
  interface: [
    {
      name: 'results',
      type: 'array',
      label: 'Records',
      spec: [{ name: 'id', type: 'text', label: 'Record ID' }],
    },
    { name: 'errors', type: 'array', label: 'Errors' },
    { name: 'status', type: 'text', label: 'Status' },
  ],
  samples: {
    results: [{ id: '101', properties: { email: 'jane@example.com' } }],
    errors: [],
    status: 'COMPLETE',
  },
};

/** One batch call with `{inputs}` and HubSpot's batch answer (207 carries per-input `errors`). */
function batchStep(verb: 'create' | 'update' | 'upsert', inputs: string): Json {
  return {
    url: imlPath(paths.objects.batch, '{{parameters.object_type}}', verb),
    method: 'POST',
    body: { inputs },
    response: {
      output: {
        results: '{{body.results}}',
        errors: '{{ifempty(body.errors, emptyarray)}}',
        status: '{{body.status}}',
      },
    },
  };
}

/** The object type, as batch upsert offers it (its standard types; "Make an API Call" reaches the others). */
function typeParam(upsert: OperationDef): Json {
  const field = upsert.inputFields.find((f) => f.key === 'object_type')!;
  return toMakeParam({ ...field, altersDynamicFields: false }, { rpcFor: () => 'listObjectTypes' });
}

/**
 * Batch upsert matched on the module's "Match on" property: every input gets `idProperty` = that property and `id` =
 * its record's value of it. IML has no per-item expression, so `idProperty` is written into the array's JSON text:
 * `"id":` there only ever stands for an input's `id` key (a quote inside a value is escaped, and HubSpot has no
 * property named `id`), and the property name is checked to be one (letters, digits, `_`) so it cannot break the text.
 */
/** The batch modules place the chosen object type in their path. */
export const BATCH_PATH: PathParams = { object_type: 'segment' };

export function batchUpsertModule(def: OperationDef): MakeModule {
  const idField = def.inputFields.find((f) => f.key === 'id_property')!;
  const matchOn = { name: idField.key, label: idField.label };
  const withIdProperty = `parseJSON(replace(createJSON(parameters.inputs), '/"id":/g', '"idProperty":"' + parameters.id_property + '","id":'))`;
  return {
    name: camelCase(def.key),
    operationKey: def.key,
    makeOnlyParams: ['inputs'],
    zapierOnlyParams: {
      properties:
        'Zapier sends one record per run (the property fields) and batches runs; Make takes the records as an array (`inputs`), each with its properties.',
    },
    label: def.label,
    description: `${def.description} On Make: up to ${MAX} records from an array, in one call.`,
    moduleType: 'action',
    crud: 'update',
    group: 'Any object',
    staticParams: [],
    scope: [],
    mappableParams: [
      typeParam(def),
      toMakeParam(idField, { rpcFor: () => 'listObjectTypes' }),
      inputsParam(
        'Each is matched on the "Match on" property: a record holding the value is updated, otherwise one is created.',
        [{ name: 'id', type: 'text', label: 'Value of the "Match on" property', required: true }, PROPERTIES],
      ),
    ],
    communication: [
      guardStep(
        `parameters.id_property != '' && replace(parameters.id_property, '/[a-z0-9_]/g', '') == ''`,
        fieldMessage(matchOn, 'must be a property name (lower-case letters, digits and _).'),
      ),
      TOO_MANY,
      batchStep('upsert', `{{${withIdProperty}}}`),
    ],
    ...WRITE_OUTPUT,
  };
}

/** Make-only modules: no Zapier operation renders them (Zapier buffers single-record runs instead). */
export function batchWriteModules(upsert: OperationDef): MakeModule[] {
  const common = {
    staticParams: [],
    scope: [],
    group: 'Any object',
    moduleType: 'action' as const,
  };
  return [
    {
      ...common,
      name: 'batchCreate',
      label: 'Create Records in Bulk',
      description: `Creates up to ${MAX} records from an array, in one call.`,
      crud: 'create',
      mappableParams: [typeParam(upsert), inputsParam('Each is created.', [PROPERTIES])],
      communication: [TOO_MANY, batchStep('create', '{{parameters.inputs}}')],
      ...WRITE_OUTPUT,
    },
    {
      ...common,
      name: 'batchUpdate',
      label: 'Update Records in Bulk',
      description: `Updates up to ${MAX} records by ID from an array, in one call.`,
      crud: 'update',
      mappableParams: [typeParam(upsert), inputsParam('Each is updated by its ID.', [RECORD_ID, PROPERTIES])],
      communication: [TOO_MANY, batchStep('update', '{{parameters.inputs}}')],
      ...WRITE_OUTPUT,
    },
    {
      ...common,
      name: 'batchArchive',
      label: 'Archive Records in Bulk',
      description: `Archives (moves to the recycling bin) up to ${MAX} records by ID from an array, in one call.`,
      crud: 'delete',
      mappableParams: [typeParam(upsert), inputsParam('Each is archived by its ID.', [RECORD_ID])],
      communication: [
        TOO_MANY,
        {
          url: imlPath(paths.objects.batch, '{{parameters.object_type}}', 'archive'),
          method: 'POST',
          body: { inputs: '{{parameters.inputs}}' },
          // HubSpot answers 204 with no body, also for an ID it does not hold: the count is of the IDs sent.
          response: { output: { archived: '{{length(parameters.inputs)}}' } },
        },
      ],
      interface: [{ name: 'archived', type: 'number', label: 'Record IDs sent to archive' }],
      samples: { archived: 2 },
    },
  ];
}
