import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { input, OBJECT_TYPE, path, type RequestSpec, temp } from '../request';
import { runRequests, runState, sendRequest } from '../runRequests';
import type { OperationDef } from '../types';
import { titleCase, withArticle } from '../wording';
import { type RecordOperationConfig, recordLocatorFields, recordLocatorInput, recordType } from './common';

/**
 * The archive as data: a read that finds the record (by id or unique property) and keeps its id, then the archive of
 * that id. HubSpot answers 204 even for an unknown id, hence the read.
 */
export const ARCHIVE_REQUESTS: readonly [RequestSpec, RequestSpec] = [
  {
    method: 'GET',
    path: path(paths.objects.one, OBJECT_TYPE, input('record_id', { uniqueBy: 'id_property' })),
    query: { idProperty: input('id_property', { optional: true }), properties: 'hs_object_id' },
    temp: { id: 'id' },
  },
  {
    method: 'DELETE',
    path: path(paths.objects.one, OBJECT_TYPE, temp('id')),
    output: { kind: 'fixed', fields: { id: temp('id'), archived: true, object_type: OBJECT_TYPE } },
  },
];

/**
 * Archives (deletes) one record found by its id or a unique property: a read that finds it, then
 * `DELETE /crm/v3/objects/{type}/{id}`. HubSpot answers 204 for an id that does not exist, so the read is what turns
 * a mistyped id into an error naming the field. The record stays restorable in HubSpot's recycle bin for 90 days.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/basic/delete-crm-v3-objects-contacts-contactId
 */
export function archiveRecordOperation(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  const def: OperationDef = {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    objectType: types.ref,
    typeWrite: 'archive',
    label: titleCase(`Archive ${type.singular}`),
    description: `Archives (deletes) ${withArticle(noun)}; it stays restorable from the recycling bin for 90 days.`,
    warning:
      `This deletes the ${noun}. A HubSpot user can restore it from the recycling bin for 90 days; after that it ` +
      'is gone for good, and this step cannot bring it back.',
    inputFields: [...types.inputFields, ...recordLocatorFields(types)],
    outputFields: [
      { key: 'id', label: 'Record ID' },
      { key: 'archived', label: 'Archived', type: 'boolean' },
      { key: 'object_type', label: 'Object type' },
    ],
    sample: { id: String(config.sample.id), archived: true, object_type: type.name },
    calls: {
      endpoints: declaredEndpoints(ARCHIVE_REQUESTS, type),
      perRun: '2 (a read that finds the record, then the archive)',
    },
    requests: ARCHIVE_REQUESTS,
    code: {
      reason:
        "A 404 on the read is refused naming the field and saying nothing was archived; the declared read alone reports HubSpot's own 404.",
    },
    async perform(ctx) {
      const type = types.resolve(ctx, 'archive');
      const { value, idProperty } = recordLocatorInput(ctx, types.display);
      const [find, archive] = ARCHIVE_REQUESTS;
      const run = runState(type, def);
      const { status } = await sendRequest(ctx, find, run, { acceptStatuses: [404] });
      if (status === 404)
        throw new FieldValidationError(
          'record_id',
          `${type.singular} ID or unique value`,
          `no ${type.singular.toLowerCase()} has ${idProperty ?? 'record ID'} "${value}"; nothing was archived.`,
        );
      return runRequests(ctx, [archive], run);
    },
  };
  return def;
}
