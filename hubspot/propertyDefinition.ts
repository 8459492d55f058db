/**
 * The part of a HubSpot property definition the core needs (coercion, error messages).
 * Shape from `GET /crm/v3/properties/{objectType}`: https://developers.hubspot.com/docs/api/crm/properties
 */

export type PropertyType =
  | 'bool'
  | 'date'
  | 'datetime'
  | 'enumeration'
  | 'number'
  | 'phone_number'
  | 'string';

export interface PropertyOption {
  label: string;
  value: string;
  hidden?: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType | string;
  fieldType?: string;
  options?: readonly PropertyOption[];
  /** `OWNER` for owner properties such as `hubspot_owner_id`. */
  referencedObjectType?: string;
  modificationMetadata?: { readOnlyValue?: boolean };
}

/** Finds a definition by internal name; accepts a list, a map, or a lookup function. */
export type PropertyLookup =
  | readonly PropertyDefinition[]
  | ReadonlyMap<string, PropertyDefinition>
  | ((name: string) => PropertyDefinition | undefined);

export function findProperty(
  lookup: PropertyLookup | undefined,
  name: string,
): PropertyDefinition | undefined {
  if (!lookup) return undefined;
  if (typeof lookup === 'function') return lookup(name);
  if (lookup instanceof Map) return lookup.get(name);
  return (lookup as readonly PropertyDefinition[]).find((p) => p.name === name);
}

/** `Lead status (hs_lead_status)`, or just the name when the label is unknown. */
export function describeProperty(name: string, lookup?: PropertyLookup): string {
  const label = findProperty(lookup, name)?.label;
  return label && label !== name ? `${label} (${name})` : name;
}
