import { type ObjectTypeDef, STANDARD_OBJECT_TYPES } from '../hubspot/objectTypes';
import { paths } from '../hubspot/paths';
import { objectTypeFromValue } from './objectTypeRef';
import type { OperationContext, OperationResult } from './types';

/**
 * Dropdown items for object types (standard ones plus the portal's custom objects) and for the association labels
 * between two chosen types. `operations/dropdowns.ts` wraps them as hidden operations.
 */

/**
 * A type as the type pickers show it: its plural, with what the account needs first and whether steps can write it,
 * so that a user sees before choosing why HubSpot may refuse (e.g. "Leads (needs Sales Hub Professional or
 * Enterprise, ...)", "Feedback submissions (read only; needs Service Hub ...)", "Users (update only)").
 */
export function objectTypeLabel(type: ObjectTypeDef): string {
  const notes = [
    type.readOnly ? 'read only' : type.updateOnly ? 'update only' : '',
    type.availability ? `needs ${type.availability}` : '',
  ].filter(Boolean);
  return notes.length > 0 ? `${type.plural} (${notes.join('; ')})` : type.plural;
}

interface SchemaSummary {
  objectTypeId: string;
  name: string;
  labels?: { singular?: string; plural?: string };
}

/**
 * Standard types from `hubspot/objectTypes.ts`, then custom objects from `GET /crm-object-schemas/v3/schemas`
 * (one page: the schemas API lists every schema at once). A connection without the custom-object scope still
 * gets the standard types. https://developers.hubspot.com/docs/api/crm/crm-custom-objects
 */
export async function objectTypeItems(ctx: OperationContext): Promise<OperationResult[]> {
  const standard = STANDARD_OBJECT_TYPES.map((t) => ({ id: t.name, label: objectTypeLabel(t) }));
  const { status, data } = await ctx.api.request<{ results?: SchemaSummary[] }>({
    method: 'GET',
    path: paths.schemas.list(),
    acceptStatuses: [403],
  });
  const custom =
    status === 403
      ? []
      : (data.results ?? []).map((s) => ({
          id: s.objectTypeId,
          label: `${s.labels?.plural ?? s.name} (custom object)`,
        }));
  return [...standard, ...custom];
}

export interface AssociationLabelDef {
  category: string;
  typeId: number;
  label: string | null;
}

/** The dropdown value of one association type: `CATEGORY:typeId`, enough to write it without another lookup. */
export const labelValue = (d: AssociationLabelDef) => `${d.category}:${d.typeId}`;

/** What the UI shows for the unlabelled association type. */
export const UNLABELLED = 'Associated (no label)';

/** `GET /crm/v4/associations/{from}/{to}/labels`: every association type between two object types. */
export async function associationLabels(
  ctx: OperationContext,
  fromType: string,
  toType: string,
): Promise<AssociationLabelDef[]> {
  const { data } = await ctx.api.request<{ results: AssociationLabelDef[] }>({
    method: 'GET',
    path: paths.associations.labels(fromType, toType),
  });
  return data.results ?? [];
}

/** Labels between the types chosen in two fields of the step; nothing until both are chosen. */
export async function associationLabelItems(
  ctx: OperationContext,
  fromField: string,
  toField: string,
): Promise<OperationResult[]> {
  const from = ctx.input[fromField];
  const to = ctx.input[toField];
  if (typeof from !== 'string' || typeof to !== 'string' || !from || !to) return [];
  const fromType = objectTypeFromValue(from, { key: fromField, label: 'From object type' });
  const toType = objectTypeFromValue(to, { key: toField, label: 'To object type' });
  const defs = await associationLabels(ctx, fromType.name, toType.name);
  return defs.map((d) => ({ id: labelValue(d), label: d.label ?? UNLABELLED }));
}

/** Labels between two fixed types (a create's associations), the unlabelled default type first as HubSpot lists it. */
export async function typeAssociationLabelItems(
  ctx: OperationContext,
  from: string,
  to: string,
): Promise<OperationResult[]> {
  const defs = await associationLabels(ctx, from, to);
  return defs.map((d) => ({ id: labelValue(d), label: d.label ?? UNLABELLED }));
}
