import type { ObjectTypeDef } from './facts/objectTypes';
import type { HistoryEntry, SandboxRecord } from './model';
import type { Portal } from './portal';

/**
 * The seed's fast write path: one record straight into the store, with the system properties and history a write
 * through the objects API leaves (id, `hs_object_id`, creation and last-modified dates, one history entry per value).
 * It skips validation, so callers pass values that are already valid. Search sees the record `searchIndexLagMs`
 * after `at`, like any write.
 */
export function putSeedRecord(
  portal: Portal,
  type: ObjectTypeDef,
  values: Record<string, string>,
  at: number,
  sourceType = 'IMPORT',
): SandboxRecord {
  const id = portal.ids.take();
  const iso = new Date(at).toISOString();
  const properties: Record<string, string> = {
    ...values,
    hs_object_id: id,
    [type.createdProperty]: iso,
    [type.lastModifiedProperty]: iso,
  };
  const history: Record<string, HistoryEntry[]> = {};
  for (const name in properties) history[name] = [{ value: properties[name]!, timestamp: at, sourceType }];
  const record: SandboxRecord = {
    id,
    objectTypeId: type.objectTypeId,
    properties,
    history,
    createdAt: at,
    updatedAt: at,
    archived: false,
    searchableAt: at + portal.searchIndexLagMs,
  };
  portal.records.put(record);
  return record;
}
