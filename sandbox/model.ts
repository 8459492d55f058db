/**
 * Shapes of the sandbox's state. They follow HubSpot's public models (the `@hubspot/api-client` 14 model classes)
 * so that what the sandbox stores is what it answers.
 */

/** HubSpot's property types: https://developers.hubspot.com/docs/api/crm/properties#property-type-and-fieldtype-values */
export type PropertyType =
  | 'bool'
  | 'date'
  | 'datetime'
  | 'enumeration'
  | 'number'
  | 'phone_number'
  | 'string';

export type FieldType =
  | 'booleancheckbox'
  | 'calculation_equation'
  | 'checkbox'
  | 'date'
  | 'file'
  | 'html'
  | 'number'
  | 'phonenumber'
  | 'radio'
  | 'select'
  | 'text'
  | 'textarea';

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

/** A property definition as `GET /crm/v3/properties/{objectType}` returns it. */
export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  archived: boolean;
  /** HubSpot's `modificationMetadata.readOnlyValue`: writes through the API are refused with READ_ONLY_VALUE. */
  readOnlyValue: boolean;
  /** Which object a reference property points at (e.g. `OWNER` for hubspot_owner_id). */
  referencedObjectType?: string;
  createdAt: number;
  updatedAt: number;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

/** One entry of `propertiesWithHistory`, newest first in answers. */
export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
  updatedByUserId?: number;
}

export interface SandboxRecord {
  id: string;
  objectTypeId: string;
  /** Current values; a cleared value is absent. Values are strings, as HubSpot answers them. */
  properties: Record<string, string>;
  /** Every write per property, oldest first. */
  history: Record<string, HistoryEntry[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** When the search index "sees" the last write (index-lag emulation). */
  searchableAt: number;
}
