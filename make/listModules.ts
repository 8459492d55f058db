import { findStandardObjectType } from '../hubspot/objectTypes';
import { paths } from '../hubspot/paths';
import type { OperationDef } from '../operations/types';
import { objectsFromValues } from './imlArrays';
import type { Json, MakeModule } from './model';
import { imlPath } from './objectRef';
import { onlyIf, operationModule } from './operationModule';
import { digitsOnly } from './pathGuards';

/**
 * Static list memberships and list lookup (lists v3), as `operations/lists/` does on Zapier.
 * https://developers.hubspot.com/docs/api/crm/lists
 */

const LIST_ID = '{{parameters.list_id}}';
const VALUES = 'deduplicate(parameters.record_ids)';
const CONTACTS_ID = findStandardObjectType('contacts')!.objectTypeId;
const INPUTS = `{{${objectsFromValues(VALUES, '{"id":', '}')}}}`;
const missing = (matched: string) =>
  `{{length(${VALUES}) - ${matched}}} of the values match no record of the list's type (record IDs, or e-mail addresses for a contact list).`;

/**
 * Add/remove: the list is read (an active list is refused), each value is checked as a record id and, for a contact
 * list, as an e-mail (one batch read each), so a bad value fails the module before the list changes; then one `PUT`
 * with the ids. The memberships endpoint takes a bare JSON array of ids.
 */
export function listMembershipModule(def: OperationDef, verb: 'add' | 'remove'): MakeModule {
  const changed = verb === 'add' ? 'recordsIdsAdded' : 'recordIdsRemoved';
  const ids = '{{deduplicate(merge(temp.ids, ifempty(temp.emailIds, emptyarray)))}}';
  return operationModule(def, 'Lists', {
    moduleType: 'action',
    crud: verb === 'add' ? 'create' : 'delete',
    communication: [
      {
        url: imlPath(paths.lists.one, LIST_ID),
        response: {
          temp: { objectTypeId: '{{body.list.objectTypeId}}' },
          valid: {
            condition: "{{body.list.processingType != 'DYNAMIC'}}",
            type: 'DataError',
            message: 'List: "{{body.list.name}}" is an active list; its members follow its filters.',
          },
        },
      },
      {
        url: imlPath(paths.objects.batch, '{{temp.objectTypeId}}', 'read'),
        method: 'POST',
        body: { inputs: INPUTS, properties: [] },
        response: {
          temp: { ids: "{{map(body.results, 'id')}}" },
          valid: {
            condition: `{{temp.objectTypeId == '${CONTACTS_ID}' || length(body.results) == length(${VALUES})}}`,
            type: 'DataError',
            message: `Records: ${missing('length(body.results)')}`,
          },
        },
      },
      {
        ...onlyIf(`{{temp.objectTypeId == '${CONTACTS_ID}'}}`),
        url: imlPath(paths.objects.batch, '{{temp.objectTypeId}}', 'read'),
        method: 'POST',
        body: { inputs: INPUTS, properties: ['email'], idProperty: 'email' },
        response: {
          temp: { emailIds: "{{map(body.results, 'id')}}" },
          valid: {
            condition: `{{length(temp.ids) + length(body.results) >= length(${VALUES})}}`,
            type: 'DataError',
            message: `Records: ${missing('(length(temp.ids) + length(body.results))')}`,
          },
        },
      },
      {
        url: imlPath(verb === 'add' ? paths.lists.addMembers : paths.lists.removeMembers, LIST_ID),
        method: 'PUT',
        body: ids,
        response: {
          output: {
            list_id: LIST_ID,
            record_ids: ids,
            [verb === 'add' ? 'added' : 'removed']: `{{body.${changed}}}`,
          },
        },
      },
    ],
  });
}

const listOutput = (list: string): Json => ({
  id: `{{${list}.listId}}`,
  listId: `{{${list}.listId}}`,
  name: `{{${list}.name}}`,
  objectTypeId: `{{${list}.objectTypeId}}`,
  processingType: `{{${list}.processingType}}`,
  processingStatus: `{{${list}.processingStatus}}`,
  listVersion: `{{${list}.listVersion}}`,
  size: `{{${list}.size}}`,
  createdById: `{{${list}.createdById}}`,
  updatedById: `{{${list}.updatedById}}`,
  createdAt: `{{${list}.createdAt}}`,
  updatedAt: `{{${list}.updatedAt}}`,
});

/**
 * By id, then by exact name (names are unique per object type), as on Zapier: a digits-only value is looked up as an
 * id first (`listIds`), and only when no list has it is it searched as a name (`query` narrows the search to names
 * containing it, 500 at most; the exact match is kept). Both through the lists search, because `GET` by id or by
 * name answers 404 for "not found", which Make reports as an error rather than as no result. The lists found go to
 * `temp`, and a last request-less step, which always runs, picks the match: Make does not document what a module
 * outputs when its last request is skipped
 * (https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests#condition).
 */
export function findListModule(def: OperationDef): MakeModule {
  const typeField = def.inputFields.find((f) => f.key === 'object_type')!;
  const typeIds = (typeField.choices ?? [])
    .map((c) => `'${c.value}', '${findStandardObjectType(c.value)!.objectTypeId}'`)
    .join(', ');
  const wanted = 'trim(parameters.name_or_id)';
  const type = `switch(ifempty(parameters.object_type, 'contacts'), ${typeIds})`;
  return operationModule(def, 'Lists', {
    moduleType: 'search',
    crud: 'read',
    communication: [
      {
        ...onlyIf(`{{${digitsOnly(wanted)}}}`),
        url: paths.lists.search(),
        method: 'POST',
        body: { listIds: [`{{${wanted}}}`], count: 1 },
        response: { temp: { found: '{{body.lists}}' } },
      },
      {
        ...onlyIf('{{length(ifempty(temp.found, emptyarray)) == 0}}'),
        url: paths.lists.search(),
        method: 'POST',
        body: { query: `{{${wanted}}}`, count: 500, offset: 0 },
        response: { temp: { found: '{{body.lists}}' } },
      },
      {
        response: {
          iterate: {
            container: '{{temp.found}}',
            condition: `{{item.listId == ${wanted} || (lower(item.name) == lower(${wanted}) && item.objectTypeId == ${type})}}`,
          },
          output: listOutput('item'),
          limit: 1,
        },
      },
    ],
  });
}
