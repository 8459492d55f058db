import { FieldValidationError } from '../../hubspot/coerce';
import { BATCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { listInput } from '../records';
import type { HubSpotRecord } from '../search';
import type { InputFieldDef, OperationContext, OperationDef } from '../types';
import { type HubSpotList, listIdField, listObjectType, readList } from './common';

/**
 * Adds records to or removes them from a static list: `PUT /crm/v3/lists/{listId}/memberships/add|remove` with a bare
 * JSON array of record ids. Records are given by id or, for contact lists, by e-mail; every value is checked first
 * (one batch read per kind) so a bad value fails the step, naming the field, before the list changes.
 * https://developers.hubspot.com/docs/api/crm/lists#add-records-to-a-list
 */

const recordsField: InputFieldDef = {
  key: 'record_ids',
  label: 'Records',
  required: true,
  list: true,
  dropdown: { kind: 'listRecords', listField: listIdField.key },
  search: 'find_object',
  helpText: `Record IDs, or e-mail addresses for a contact list. Up to ${BATCH.maxObjectInputs} per step.`,
};

interface MembershipsUpdate {
  recordsIdsAdded: string[];
  recordIdsRemoved: string[];
  recordIdsMissing: string[];
}

export function listMembershipOperation(verb: 'add' | 'remove'): OperationDef {
  const adding = verb === 'add';
  return {
    key: adding ? 'add_to_list' : 'remove_from_list',
    kind: 'create',
    noun: 'List Membership',
    label: adding ? 'Add Records to List' : 'Remove Records from List',
    description: adding
      ? 'Adds contacts (or other records) to a static list, by record ID or e-mail.'
      : 'Removes contacts (or other records) from a static list, by record ID or e-mail.',
    ...(adding
      ? {}
      : {
          warning:
            'The records leave the list at once, and this step cannot undo it: to put them back, use Add Records ' +
            'to List.',
        }),
    inputFields: [listIdField, recordsField],
    outputFields: [
      { key: 'list_id', label: 'List ID' },
      { key: 'record_ids', label: 'Record IDs' },
      { key: adding ? 'added' : 'removed', label: adding ? 'Added' : 'Removed' },
      { key: 'unchanged', label: adding ? 'Already members' : 'Were not members' },
    ],
    sample: { list_id: '12', record_ids: ['51'], [adding ? 'added' : 'removed']: ['51'], unchanged: [] },
    code: {
      reason:
        'The list is read first (an active list is refused), records given by id are checked to exist and those given by e-mail resolved to ids in batch reads; the membership call sends what those answers found.',
    },
    calls: {
      endpoints: [
        `GET ${paths.lists.one('{listId}')}`,
        `POST ${paths.objects.batch('{objectType}', 'read')}`,
        `PUT ${adding ? paths.lists.addMembers('{listId}') : paths.lists.removeMembers('{listId}')}`,
      ],
      perRun: '3 (4 when ids and e-mails are mixed)',
    },
    async perform(ctx) {
      const values = recordValues(ctx);
      const listId = String(ctx.input.list_id ?? '').trim();
      if (!listId) throw new FieldValidationError('list_id', 'List', 'is required.');
      const list = await readList(ctx, listId);
      if (list.processingType === 'DYNAMIC') {
        throw new FieldValidationError(
          'list_id',
          'List',
          `"${list.name}" is an active list; its members follow its filters.`,
        );
      }
      const ids = await resolveRecordIds(ctx, list, values);
      const { data } = await ctx.api.request<MembershipsUpdate>({
        method: 'PUT',
        path: adding ? paths.lists.addMembers(listId) : paths.lists.removeMembers(listId),
        json: ids,
        idempotent: true,
      });
      const changed = adding ? data.recordsIdsAdded : data.recordIdsRemoved;
      return {
        list_id: listId,
        record_ids: ids,
        [adding ? 'added' : 'removed']: changed,
        unchanged: ids.filter((id) => !changed.includes(id)),
      };
    },
  };
}

function recordValues(ctx: OperationContext): string[] {
  const values = listInput(ctx.input, 'record_ids');
  if (values.length === 0) throw new FieldValidationError('record_ids', 'Records', 'is required.');
  if (values.length > BATCH.maxObjectInputs) {
    throw new FieldValidationError(
      'record_ids',
      'Records',
      `holds ${values.length} values; at most ${BATCH.maxObjectInputs} per step.`,
    );
  }
  return values;
}

/** Record ids for the values, after checking each exists (ids) or matches a contact (e-mails). */
async function resolveRecordIds(
  ctx: OperationContext,
  list: HubSpotList,
  values: string[],
): Promise<string[]> {
  const objectType = listObjectType(list);
  const ids = values.filter((v) => /^\d+$/.test(v));
  const emails = values.filter((v) => !/^\d+$/.test(v));
  const bad = emails.filter((v) => !v.includes('@') || list.objectTypeId !== '0-1');
  if (bad.length > 0) {
    throw new FieldValidationError(
      'record_ids',
      'Records',
      `has values that are neither record IDs nor contact e-mails: ${bad.join(', ')}.`,
    );
  }
  const foundIds = await readExisting(ctx, objectType, ids);
  const byEmail = await readExisting(ctx, objectType, emails, 'email');
  const missing = [
    ...ids.filter((id) => !foundIds.has(id)),
    ...emails.filter((e) => !byEmail.has(e.toLowerCase())),
  ];
  if (missing.length > 0) {
    throw new FieldValidationError(
      'record_ids',
      'Records',
      `has values that match no ${objectType} record: ${missing.join(', ')}.`,
    );
  }
  return [...new Set([...ids, ...emails.map((e) => byEmail.get(e.toLowerCase())!)])];
}

/** value (lower-cased for e-mails) → record id, for the values that exist. */
async function readExisting(
  ctx: OperationContext,
  objectType: string,
  values: string[],
  idProperty?: string,
): Promise<Map<string, string>> {
  if (values.length === 0) return new Map();
  const { data } = await ctx.api.request<{ results: HubSpotRecord[] }>({
    method: 'POST',
    path: paths.objects.batch(objectType, 'read'),
    json: {
      inputs: values.map((id) => ({ id })),
      properties: idProperty ? [idProperty] : [],
      ...(idProperty ? { idProperty } : {}),
    },
    idempotent: true,
    acceptStatuses: [207],
  });
  return new Map(
    data.results.map((r) => [idProperty ? String(r.properties[idProperty] ?? '').toLowerCase() : r.id, r.id]),
  );
}
