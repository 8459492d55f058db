import { validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { SandboxRecord } from '../model';
import type { Portal } from '../portal';
import { moveAssociations } from './associations';
import { requireRecord } from './lookup';
import { commitUpdate, type WriteSource } from './write';

/**
 * Merging two records (https://developers.hubspot.com/docs/api/crm/contacts#merge-contacts): the primary keeps its
 * values, takes the other's values where it has none, and the merged-away record disappears for good.
 * The primary also takes the merged-away record's associations.
 */
export function mergeRecords(
  portal: Portal,
  type: ObjectTypeDef,
  primaryObjectId: string,
  objectIdToMerge: string,
  source: WriteSource,
): SandboxRecord {
  if (primaryObjectId === objectIdToMerge) {
    throw validationError('The primary object and the object to merge must be different records.');
  }
  const primary = requireRecord(portal, type, primaryObjectId);
  const merged = requireRecord(portal, type, objectIdToMerge);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(merged.properties)) {
    if (primary.properties[name] === undefined && !SYSTEM.has(name)) values[name] = value;
  }
  if (portal.properties.get(type, 'hs_merged_object_ids')) {
    const earlier = primary.properties.hs_merged_object_ids;
    values.hs_merged_object_ids = earlier ? `${earlier};${merged.id}` : merged.id;
  }
  // Purge first, so the primary may take the merged record's unique values (its email).
  moveAssociations(portal, type.objectTypeId, merged.id, primary.id);
  portal.records.purge(type.objectTypeId, merged.id, 'merge');
  const updated = commitUpdate(portal, type, { record: primary, values }, source);
  portal.records.announceMerge({
    objectTypeId: type.objectTypeId,
    primaryId: primary.id,
    mergedId: merged.id,
    propertiesMoved: Object.keys(values).filter((name) => name !== 'hs_merged_object_ids').length,
  });
  return updated;
}

const SYSTEM = new Set([
  'hs_object_id',
  'createdate',
  'hs_createdate',
  'lastmodifieddate',
  'hs_lastmodifieddate',
]);

/**
 * GDPR delete (https://developers.hubspot.com/docs/api/crm/contacts#gdpr-delete): the contact is removed for good,
 * not archived. `idProperty` may be `email`.
 */
export function gdprDelete(portal: Portal, type: ObjectTypeDef, objectId: string, idProperty?: string): void {
  const record = requireRecord(portal, type, objectId, { idProperty });
  portal.associations.removeAllFor(type.objectTypeId, record.id);
  portal.records.purge(type.objectTypeId, record.id, 'gdpr');
}
