import type { SandboxRecord } from '../model';

/**
 * A record's value as search sees it. System properties fall back to the record's own fields, so a record written
 * without them (or by an older writer) still answers `hs_object_id`, `createdate` and the last-modified date.
 */
export function readValue(record: SandboxRecord, name: string): string | undefined {
  const value = record.properties[name];
  if (value !== undefined) return value;
  switch (name) {
    case 'hs_object_id':
      return record.id;
    case 'createdate':
    case 'hs_createdate':
      return new Date(record.createdAt).toISOString();
    case 'lastmodifieddate':
    case 'hs_lastmodifieddate':
      return new Date(record.updatedAt).toISOString();
    default:
      return undefined;
  }
}

/** HubSpot's default search order: creation date ascending, then id. */
export function compareCreation(a: SandboxRecord, b: SandboxRecord): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

/** Ids are digit strings: shorter is smaller, then character order. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
