import type { Portal } from '../../sandbox';
import type { SandboxRecord } from '../../sandbox/model';

/**
 * Puts bare records straight into a portal's store, for tests of areas that only need records to exist
 * (associations) and should not depend on the objects API.
 */
export function putRecords(portal: Portal, objectTypeId: string, ids: readonly string[]): void {
  const now = portal.now();
  for (const id of ids) {
    const record: SandboxRecord = {
      id,
      objectTypeId,
      properties: { hs_object_id: id },
      history: {},
      createdAt: now,
      updatedAt: now,
      archived: false,
      searchableAt: now,
    };
    portal.records.put(record);
  }
}

/** Ids `first`, `first + 1`, ... as digit strings. */
export const idRange = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => String(first + i));
