import { BATCH, PAGING } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { listInput, recordIdInput } from '../records';
import type { InputFieldDef, OperationContext, OperationDef } from '../types';
import { FROM_ID, FROM_TYPE, TO_TYPE, typeInput } from './fields';
import { type AssociatedRecord, associatedRecord, type V4Association } from './read';

/** Optional: properties of each associated record, read in batches so a deal's 40 contacts cost one more call. */
const ASSOCIATED_PROPERTIES: InputFieldDef = {
  key: 'associated_properties',
  label: 'Properties of the associated records',
  list: true,
  required: false,
  dropdown: { kind: 'properties', objectType: { fromInput: TO_TYPE.key } },
  helpText:
    'Properties to read from each associated record (such as email or name), so no find step per record is needed. Costs one extra HubSpot call per 100 associated records.',
};

/**
 * A record's associated records of one type, each with its label names: `GET .../associations/{toType}`, every
 * page (500 a page). Returns one result holding them all, or none when there are none, so "found nothing" works.
 * https://developers.hubspot.com/docs/api/crm/associations/v4
 */
export const findAssociations: OperationDef = {
  key: 'find_associations',
  kind: 'search',
  noun: 'Association',
  label: 'Find Associations',
  description: 'Finds the records of one type associated with a record, with their association labels.',
  inputFields: [FROM_TYPE, FROM_ID, TO_TYPE, ASSOCIATED_PROPERTIES],
  outputFields: [
    { key: 'from_id', label: 'From record ID' },
    { key: 'to_object_type', label: 'To object type' },
    { key: 'count', label: 'Number of associated records', type: 'integer' },
    { key: 'ids', label: 'Associated record IDs' },
    { key: 'associations[]id', label: 'Associated record ID' },
    { key: 'associations[]labels', label: 'Association labels' },
    { key: 'associations[]properties', label: 'Associated record properties' },
  ],
  sample: {
    id: 'contacts:51:companies',
    from_object_type: 'contacts',
    from_id: '51',
    to_object_type: 'companies',
    count: 1,
    ids: ['301'],
    associations: [{ id: '301', labels: ['Decision maker'], type_ids: [279, 12] }],
  },
  code: {
    reason:
      "Pages the v4 associations of a record, then reads the associated records' properties in batches of 100 and joins them to the association labels; a declared output maps one answer, not two joined.",
  },
  calls: {
    endpoints: [
      `GET ${paths.associations.list('{fromType}', '{fromId}', '{toType}')}`,
      `POST ${paths.objects.batch('{toType}', 'read')}`,
    ],
    perRun: '1 per 500 associated records (+1 per 100 when their properties are asked)',
  },
  async perform(ctx) {
    const from = typeInput(ctx, FROM_TYPE);
    const fromId = recordIdInput(ctx, FROM_ID);
    const to = typeInput(ctx, TO_TYPE);
    const all: AssociatedRecord[] = [];
    let after: string | undefined;
    do {
      const { data } = await ctx.api.request<{
        results: V4Association[];
        paging?: { next?: { after: string } };
      }>({
        method: 'GET',
        path: paths.associations.list(from.name, fromId, to.name),
        query: { limit: PAGING.maxAssociationsLimit, after },
      });
      all.push(...data.results.map(associatedRecord));
      after = data.paging?.next?.after;
    } while (after);
    if (all.length === 0) return [];
    const wanted = [...new Set(listInput(ctx.input, ASSOCIATED_PROPERTIES.key))];
    const associations = wanted.length > 0 ? await withProperties(ctx, to.name, all, wanted) : all;
    return [
      {
        id: `${from.name}:${fromId}:${to.name}`,
        from_object_type: from.name,
        from_id: fromId,
        to_object_type: to.name,
        count: all.length,
        ids: all.map((a) => a.id),
        associations,
      },
    ];
  },
};

/** Adds each associated record's chosen properties: `POST …/batch/read`, 100 ids a call. */
async function withProperties(
  ctx: OperationContext,
  objectType: string,
  records: AssociatedRecord[],
  properties: string[],
): Promise<Array<AssociatedRecord & { properties: Record<string, string | null> }>> {
  const byId = new Map<string, Record<string, string | null>>();
  for (let i = 0; i < records.length; i += BATCH.maxObjectInputs) {
    const { data } = await ctx.api.request<{
      results: Array<{ id: string; properties: Record<string, string | null> }>;
    }>({
      method: 'POST',
      path: paths.objects.batch(objectType, 'read'),
      json: { inputs: records.slice(i, i + BATCH.maxObjectInputs).map((r) => ({ id: r.id })), properties },
      idempotent: true,
    });
    for (const record of data.results ?? []) byId.set(String(record.id), record.properties);
  }
  return records.map((r) => ({ ...r, properties: byId.get(r.id) ?? {} }));
}
