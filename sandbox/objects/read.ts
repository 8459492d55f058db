import type { ObjectTypeDef } from '../facts/objectTypes';
import type { HistoryEntry, SandboxRecord } from '../model';
import type { Portal } from '../portal';

/**
 * A record as HubSpot answers it (`SimplePublicObject`, https://developers.hubspot.com/docs/api/crm/understanding-the-crm):
 * - `properties`: the type's default set, or the requested names; a requested property that exists but has no value
 *   is `null`, one that does not exist is left out; `hs_object_id` and the created/last-modified properties always
 *   come; keys in alphabetical order;
 * - `propertiesWithHistory`: every recorded value of the requested properties, newest first;
 * - `createdAt`/`updatedAt`/`archivedAt`: ISO-8601 with milliseconds.
 */

export interface ShapeOptions {
  /** Names to return; the type's `defaultProperties` when absent or empty. */
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  /** Also return these (the names a write just set); a cleared one answers `''`. */
  written?: readonly string[];
  /** Leave unset properties out instead of answering `null` (write answers carry only values). */
  omitUnset?: boolean;
}

export interface ValueWithTimestamp {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
  updatedByUserId?: number;
}

export interface ShapedRecord {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, ValueWithTimestamp[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  [extra: string]: unknown;
}

export function shapeRecord(
  portal: Portal,
  type: ObjectTypeDef,
  record: SandboxRecord,
  options: ShapeOptions = {},
): ShapedRecord {
  const requested =
    options.properties && options.properties.length > 0 ? options.properties : type.defaultProperties;
  const names = new Set<string>(['hs_object_id', type.createdProperty, type.lastModifiedProperty]);
  for (const name of requested) names.add(name);
  const values: Record<string, string | null> = {};
  for (const name of names) {
    const value = record.properties[name];
    if (value !== undefined) values[name] = value;
    else if (name === 'hs_object_id') values[name] = record.id;
    else if (!options.omitUnset && portal.properties.get(type, name)) values[name] = null;
  }
  for (const name of options.written ?? []) {
    if (record.properties[name] !== undefined) values[name] = record.properties[name]!;
    else if (!(name in values)) values[name] = '';
  }
  const shaped: ShapedRecord = {
    id: record.id,
    properties: alphabetical(values),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: record.archived,
  };
  if (record.archivedAt !== undefined) shaped.archivedAt = iso(record.archivedAt);
  if (options.propertiesWithHistory && options.propertiesWithHistory.length > 0) {
    shaped.propertiesWithHistory = historyOf(portal, type, record, options.propertiesWithHistory);
  }
  return shaped;
}

function historyOf(
  portal: Portal,
  type: ObjectTypeDef,
  record: SandboxRecord,
  names: readonly string[],
): Record<string, ValueWithTimestamp[]> {
  const out: Record<string, ValueWithTimestamp[]> = {};
  for (const name of [...new Set(names)].sort()) {
    if (!portal.properties.get(type, name)) continue;
    out[name] = (record.history[name] ?? []).map(historyEntry).reverse();
  }
  return out;
}

function historyEntry(entry: HistoryEntry): ValueWithTimestamp {
  const { timestamp, ...rest } = entry;
  return { ...rest, timestamp: iso(timestamp) };
}

function alphabetical<T>(values: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(values).sort()) out[key] = values[key]!;
  return out;
}

export const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** Record ids are digit strings: shorter is smaller, then character order (ids outgrow 2^53 on real portals). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
