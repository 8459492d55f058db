import { BATCH } from '../../hubspot/limits';
import { paths } from '../../hubspot/paths';
import { listInput } from '../records';
import type { InputFieldDef, OperationContext } from '../types';

/**
 * Reads associations (v4) with their labels. https://developers.hubspot.com/docs/api/crm/associations/v4
 * Types and labels of one association: `{category, typeId, label}`; the unlabelled type has `label: null`.
 */

export interface AssociationTypeOut {
  category: string;
  typeId: number;
  label: string | null;
}

export interface AssociatedRecord {
  id: string;
  /** The label names between the two records; the unlabelled association has none. */
  labels: string[];
  type_ids: number[];
}

export interface V4Association {
  toObjectId: string | number;
  associationTypes: AssociationTypeOut[];
}

export function associatedRecord(item: V4Association): AssociatedRecord {
  return {
    id: String(item.toObjectId),
    labels: item.associationTypes.map((t) => t.label).filter((l): l is string => Boolean(l)),
    type_ids: item.associationTypes.map((t) => t.typeId),
  };
}

/** The optional trigger input: object types whose associated record ids join each triggered record. */
export const includeAssociationsField: InputFieldDef = {
  key: 'include_associations',
  label: 'Include associated records',
  list: true,
  required: false,
  dropdown: { kind: 'objectTypes' },
  helpText:
    'Object types whose associated record ids (with association labels) are added to each record. Costs one extra HubSpot call per page of up to 1,000 records per type, not one per record (plus one for each 500 associations beyond the first 500 of a record).',
};

/** The object types chosen in `include_associations` (a list, or a comma-separated text when mapped). */
export function includedTypes(input: Record<string, unknown>): string[] {
  return [...new Set(listInput(input, includeAssociationsField.key))];
}

/**
 * Associations of many records at once: one `batch/read` per target type per 1,000 records
 * (BATCH.maxAssociationInputs), so a trigger page costs one extra call per type, not one per record. Records with
 * no associations come back as per-input errors (207), which simply means "none". HubSpot answers at most 500
 * associations per record and call; a record with more carries a cursor, and only those records are asked again
 * from their cursor, until every association is read.
 */
export async function readAssociationsInBatch(
  ctx: OperationContext,
  fromType: string,
  ids: readonly string[],
  toTypes: readonly string[],
): Promise<Map<string, Record<string, AssociatedRecord[]>>> {
  const byRecord = new Map<string, Record<string, AssociatedRecord[]>>(
    ids.map((id) => [id, Object.fromEntries(toTypes.map((t) => [t, [] as AssociatedRecord[]]))]),
  );
  for (const toType of toTypes) {
    let inputs: Array<{ id: string; after?: string }> = ids.map((id) => ({ id }));
    while (inputs.length > 0) {
      const more: typeof inputs = [];
      for (let i = 0; i < inputs.length; i += BATCH.maxAssociationInputs) {
        const { data } = await ctx.api.request<{
          results: Array<{
            from: { id: string | number };
            to: V4Association[];
            paging?: { next?: { after?: string } };
          }>;
        }>({
          method: 'POST',
          path: paths.associations.batch(fromType, toType, 'read'),
          json: { inputs: inputs.slice(i, i + BATCH.maxAssociationInputs) },
          idempotent: true,
        });
        for (const result of data.results ?? []) {
          const id = String(result.from.id);
          const slot = byRecord.get(id);
          if (!slot) continue;
          slot[toType] = [...(slot[toType] ?? []), ...(result.to ?? []).map(associatedRecord)];
          const after = result.paging?.next?.after;
          if (after) more.push({ id, after });
        }
      }
      inputs = more;
    }
  }
  return byRecord;
}

/** Output keys for a record's associations: the full list per type, and the ids alone for easy mapping. */
export function associationsOutput(associations: Record<string, AssociatedRecord[]>) {
  return {
    associations,
    associated_ids: Object.fromEntries(
      Object.entries(associations).map(([type, list]) => [type, list.map((a) => a.id)]),
    ),
  };
}
