import { PAGING } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import type { OperationDef } from '../types';
import { FROM_ID, FROM_TYPE, idInput, TO_TYPE, typeInput } from './fields';
import { type AssociatedRecord, associatedRecord, type V4Association } from './read';

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
  inputFields: [FROM_TYPE, FROM_ID, TO_TYPE],
  outputFields: [
    { key: 'from_id', label: 'From record ID' },
    { key: 'to_object_type', label: 'To object type' },
    { key: 'count', label: 'Number of associated records', type: 'integer' },
    { key: 'ids', label: 'Associated record IDs' },
    { key: 'associations[]id', label: 'Associated record ID' },
    { key: 'associations[]labels', label: 'Association labels' },
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
  calls: {
    endpoints: [`GET ${paths.associations.list('{fromType}', '{fromId}', '{toType}')}`],
    perRun: '1 per 500 associated records',
  },
  async perform(ctx) {
    const from = typeInput(ctx, FROM_TYPE);
    const fromId = idInput(ctx, FROM_ID);
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
    return [
      {
        id: `${from.name}:${fromId}:${to.name}`,
        from_object_type: from.name,
        from_id: fromId,
        to_object_type: to.name,
        count: all.length,
        ids: all.map((a) => a.id),
        associations: all,
      },
    ];
  },
};
