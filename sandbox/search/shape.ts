import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import type { SandboxRecord } from '../model';
import type { Portal } from '../portal';
import { readValue } from './read';

/**
 * A search result in `SimplePublicObject` shape, without associations (search never returns them).
 * Without `properties`, the type's default set; with it, those names plus the creation date, last-modified date and
 * `hs_object_id`, which search always returns. Unknown names are ignored; known but unset ones answer null.
 * Properties come in alphabetical order, like HubSpot's answers (hubspot-api.md §1.4).
 * Local to search until the objects work's `shapeRecord` (sandbox/objects/read.ts) can take its place.
 */
export function shapeSearchResult(
  portal: Portal,
  type: ObjectTypeDef,
  record: SandboxRecord,
  requested: readonly string[] | undefined,
) {
  const names = requested
    ? [...requested, type.createdProperty, type.lastModifiedProperty, 'hs_object_id']
    : type.defaultProperties;
  const properties: Record<string, string | null> = {};
  for (const name of [...new Set(names)].sort()) {
    const value = readValue(record, name);
    if (value !== undefined) properties[name] = value;
    else if (portal.properties.get(type, name)) properties[name] = null;
  }
  return {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: false,
  };
}
