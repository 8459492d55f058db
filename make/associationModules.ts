import { PAGING } from '../hubspot/limits';
import { paths } from '../hubspot/paths';
import type { OperationDef } from '../operations/types';
import type { Json, MakeModule } from './model';
import { imlPath } from './objectRef';
import { onlyIf, operationModule } from './operationModule';

/**
 * Create, remove and find associations (v4), as `operations/associations/` does on Zapier: an optional label is
 * looked up among the portal's labels between the two types first (so a label name, a bare type id or the dropdown's
 * `CATEGORY:typeId` all work, and an unknown label fails before anything is written), then one write.
 * https://developers.hubspot.com/docs/api/crm/associations/v4
 */

const FROM = '{{parameters.from_object_type}}';
const FROM_ID = '{{parameters.from_id}}';
const TO = '{{parameters.to_object_type}}';
const TO_ID = '{{parameters.to_id}}';

/** The label's type id part (`USER_DEFINED:36` → `36`; a bare id or a name stays as it is). */
const WANTED_ID = "last(split(parameters.label, ':'))";
const byIdOrName = (field: string) =>
  `{{ifempty(first(map(body.results, '${field}', 'typeId', ${WANTED_ID})), first(map(body.results, '${field}', 'label', parameters.label)))}}`;

/** `GET …/labels` when a label is given: `temp.typeId`, `temp.category`, `temp.labelName` of the match. */
const LABEL_LOOKUP: Json = {
  ...onlyIf('{{parameters.label}}'),
  url: imlPath(paths.associations.labels, FROM, TO),
  response: {
    temp: { typeId: byIdOrName('typeId'), category: byIdOrName('category'), labelName: byIdOrName('label') },
    valid: {
      condition: '{{temp.typeId}}',
      type: 'DataError',
      message:
        'Association label: "{{parameters.label}}" is not an association label from {{parameters.from_object_type}} to {{parameters.to_object_type}}.',
    },
  },
};

const TYPE_SPEC = { associationCategory: '{{temp.category}}', associationTypeId: '{{temp.typeId}}' };

const pairOutput = (labels: string, extra: Json = {}): Json => ({
  id: '{{parameters.from_object_type}}:{{parameters.from_id}}:{{parameters.to_object_type}}:{{parameters.to_id}}',
  from_object_type: FROM,
  from_id: FROM_ID,
  to_object_type: TO,
  to_id: TO_ID,
  labels,
  ...extra,
});

/**
 * The module's output, after its conditional writes: Make documents the last request's output as the module's, and
 * not what a module outputs when that last request is skipped, so the last step always runs (request-less, from
 * `temp`). https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests#condition
 */
const outputStep = (output: Json): Json => ({ response: { output } });

export function createAssociationModule(def: OperationDef): MakeModule {
  return operationModule(def, 'Associations', {
    moduleType: 'action',
    crud: 'create',
    communication: [
      LABEL_LOOKUP,
      {
        ...onlyIf('{{temp.typeId}}'),
        url: imlPath(paths.associations.pair, FROM, FROM_ID, TO, TO_ID),
        method: 'PUT',
        body: [TYPE_SPEC],
        response: { temp: { labels: '{{body.labels}}' } },
      },
      {
        ...onlyIf('{{!parameters.label}}'),
        url: imlPath(paths.associations.putDefault, FROM, FROM_ID, TO, TO_ID),
        method: 'PUT',
        // Make's request schema requires a body on PUT; HubSpot ignores an empty one.
        body: {},
      },
      outputStep(pairOutput('{{ifempty(temp.labels, emptyarray)}}')),
    ],
  });
}

export function removeAssociationModule(def: OperationDef): MakeModule {
  const output = pairOutput('{{emptyarray}}', {
    removed: "{{if(parameters.label, ifempty(temp.labelName, 'all'), 'all')}}",
  });
  return operationModule(def, 'Associations', {
    moduleType: 'action',
    crud: 'delete',
    communication: [
      LABEL_LOOKUP,
      {
        ...onlyIf('{{temp.typeId}}'),
        url: imlPath(paths.associations.batch, FROM, TO, 'labels/archive'),
        method: 'POST',
        body: { inputs: [{ from: { id: FROM_ID }, to: { id: TO_ID }, types: [TYPE_SPEC] }] },
      },
      {
        ...onlyIf('{{!parameters.label}}'),
        url: imlPath(paths.associations.pair, FROM, FROM_ID, TO, TO_ID),
        method: 'DELETE',
      },
      outputStep(output),
    ],
  });
}

/** One bundle per associated record (Make's way to return many), every page of 500. */
export function findAssociationsModule(def: OperationDef): MakeModule {
  return operationModule(def, 'Associations', {
    moduleType: 'search',
    crud: 'read',
    interface: [
      { name: 'id', label: 'Associated record ID', type: 'text' },
      { name: 'labels', label: 'Association labels', type: 'array' },
      { name: 'type_ids', label: 'Association type IDs', type: 'array' },
      { name: 'from_object_type', label: 'From object type', type: 'text' },
      { name: 'from_id', label: 'From record ID', type: 'text' },
      { name: 'to_object_type', label: 'To object type', type: 'text' },
    ],
    samples: {
      id: '301',
      labels: ['Decision maker'],
      type_ids: [279, 12],
      from_object_type: 'contacts',
      from_id: '51',
      to_object_type: 'companies',
    },
    communication: {
      url: imlPath(paths.associations.list, FROM, FROM_ID, TO),
      qs: { limit: PAGING.maxAssociationsLimit },
      pagination: { qs: { after: '{{body.paging.next.after}}' }, condition: '{{body.paging.next.after}}' },
      response: {
        iterate: '{{body.results}}',
        output: {
          id: '{{toString(item.toObjectId)}}',
          // One label per type id, in the same order: the unlabelled type's is null (Make's `map` returns every
          // item's value; leaving empty ones out is not documented, https://help.make.com/array-functions).
          labels: "{{map(item.associationTypes, 'label')}}",
          type_ids: "{{map(item.associationTypes, 'typeId')}}",
          from_object_type: FROM,
          from_id: FROM_ID,
          to_object_type: TO,
        },
      },
    },
  });
}
