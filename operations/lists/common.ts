import { FieldValidationError } from '../../hubspot/coerce';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { isRecordId } from '../records';
import type { InputFieldDef, OperationContext, OperationResult, OutputFieldDef } from '../types';

/** Lists v3 shapes and helpers shared by the list operations. https://developers.hubspot.com/docs/api/crm/lists */

export interface HubSpotList {
  listId: string;
  name: string;
  objectTypeId: string;
  processingType: string;
  size?: number;
  createdAt?: string;
  updatedAt?: string;
}

export const listIdField: InputFieldDef = {
  key: 'list_id',
  label: 'List',
  required: true,
  dropdown: { kind: 'lists' },
  search: 'find_list',
  helpText:
    'A static (MANUAL or SNAPSHOT) list. Active lists follow their filters and cannot be changed by hand.',
};

export const listOutputFields: readonly OutputFieldDef[] = [
  { key: 'id', label: 'List ID', type: 'string' },
  { key: 'name', label: 'Name' },
  { key: 'objectTypeId', label: 'Object type ID' },
  { key: 'processingType', label: 'Processing type' },
  { key: 'size', label: 'Size', type: 'integer' },
];

export const SAMPLE_LIST = {
  id: '12',
  listId: '12',
  name: 'Webinar attendees',
  objectTypeId: '0-1',
  processingType: 'MANUAL',
  size: 240,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

export const listOutput = (list: HubSpotList): OperationResult => ({ id: list.listId, ...list });

/** Why a value is refused as a list id; Make's modules say the same (`make/pathGuards.ts`). */
export const notAListId = (value: string) => `"${value}" is not a list ID (digits only).`;

/** Reads a list, or names the field when it does not exist. List ids are numeric, like record ids. */
export async function readList(ctx: OperationContext, listId: string): Promise<HubSpotList> {
  if (!listId) throw new FieldValidationError(listIdField.key, listIdField.label, 'is required.');
  if (!isRecordId(listId))
    throw new FieldValidationError(listIdField.key, listIdField.label, notAListId(listId));
  const { status, data } = await ctx.api.request<{ list: HubSpotList }>({
    method: 'GET',
    path: paths.lists.one(listId),
    acceptStatuses: [404],
  });
  if (status === 404)
    throw new FieldValidationError('list_id', 'List', `"${listId}" is not a list in this HubSpot account.`);
  return data.list;
}

/** The object type name (`contacts`) of a list's objectTypeId, for record reads. */
export function listObjectType(list: HubSpotList): string {
  return findStandardObjectType(list.objectTypeId)?.name ?? list.objectTypeId;
}
