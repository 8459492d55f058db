import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { recordOutput } from '../records';
import type { HubSpotRecord } from '../search';
import type { OperationDef } from '../types';
import { titleCase, withArticle } from '../wording';
import { type RecordOperationConfig, recordLocatorFields, recordLocatorInput, recordType } from './common';

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
  return {
    key: config.key,
    kind: 'create',
    noun: type.singular,
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
      endpoints: [
        `GET ${paths.objects.one(type.name, '{id}')}`,
        `DELETE ${paths.objects.one(type.name, '{id}')}`,
      ],
      perRun: '2 (a read that finds the record, then the archive)',
    },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const { value, idProperty } = recordLocatorInput(ctx, types.display);
      const missing = () =>
        new FieldValidationError(
          'record_id',
          `${type.singular} ID or unique value`,
          `no ${type.singular.toLowerCase()} has ${idProperty ?? 'record ID'} "${value}"; nothing was archived.`,
        );
      const { status, data } = await ctx.api.request<HubSpotRecord>({
        method: 'GET',
        path: paths.objects.one(type.name, value),
        query: { idProperty, properties: 'hs_object_id' },
        acceptStatuses: [404],
      });
      if (status === 404) throw missing();
      const { id } = recordOutput(data) as { id: string };
      await ctx.api.request({ method: 'DELETE', path: paths.objects.one(type.name, id) });
      return { id, archived: true, object_type: type.name };
    },
  };
}
