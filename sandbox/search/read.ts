import type { ObjectTypeDef } from '../facts/objectTypes';
import type { SandboxRecord } from '../model';
import { toNumber } from './values';

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

/**
 * A number or instant property as a number (NaN when unset or unreadable). The creation date comes from the
 * record's own `createdAt`, saving a date parse per record on the filter and sort polling triggers use most.
 */
export function numberReader(type: ObjectTypeDef, name: string, kind: 'number' | 'instant') {
  if (kind === 'instant' && name === type.createdProperty) return (r: SandboxRecord) => r.createdAt;
  return (r: SandboxRecord) => {
    const v = readValue(r, name);
    return v === undefined || v === '' ? Number.NaN : toNumber(kind, v);
  };
}
