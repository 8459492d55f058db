/**
 * Builders that turn one compact line into a HubSpot property definition, so each object's default schema reads
 * as a table. Shapes follow `GET /crm/v3/properties/{objectType}`:
 * https://developers.hubspot.com/docs/api/crm/properties
 *
 * A builder returns a `PropertySpec` (a `PropertyDef` without the per-portal parts: timestamps and display order);
 * `index.ts` stamps those when a sandbox portal is seeded.
 */
import type { FieldType, PropertyDef, PropertyGroup, PropertyOption } from '../model';

export type PropertySpec = Omit<PropertyDef, 'displayOrder' | 'createdAt' | 'updatedAt'>;
export type GroupSpec = Omit<PropertyGroup, 'displayOrder'>;

/** An object's defaults as data. */
export interface ObjectDefaults {
  groups: GroupSpec[];
  properties: PropertySpec[];
  /** HubSpot only offers contact and company properties (and ticket ones) to forms; elsewhere formField is false. */
  formFields: boolean;
}

export interface Flags {
  /** `modificationMetadata.readOnlyValue`: API writes are refused with READ_ONLY_VALUE. */
  readOnly?: boolean;
  /** HubSpot computes the value; implies readOnly. */
  calculated?: boolean;
  hidden?: boolean;
  /** `hasUniqueValue`: usable as `idProperty` and refused when a second record takes the same value. */
  unique?: boolean;
  description?: string;
  referencedObjectType?: string;
  /** Overrides the builder's usual field type (e.g. `calculation_equation`). */
  fieldType?: FieldType;
}

/** `[value, label]` pairs, in display order. */
export type OptionPairs = ReadonlyArray<readonly [value: string, label: string]>;

export function options(pairs: OptionPairs): PropertyOption[] {
  return pairs.map(([value, label], displayOrder) => ({ label, value, displayOrder, hidden: false }));
}

/** HubSpot answers bool properties with these two options. */
const BOOL_OPTIONS: OptionPairs = [
  ['true', 'Yes'],
  ['false', 'No'],
];

function property(
  name: string,
  label: string,
  groupName: string,
  type: PropertySpec['type'],
  fieldType: FieldType,
  flags: Flags,
  pairs: OptionPairs = [],
): PropertySpec {
  const calculated = flags.calculated ?? false;
  const spec: PropertySpec = {
    name,
    label,
    type,
    fieldType: flags.fieldType ?? fieldType,
    groupName,
    description: flags.description ?? '',
    options: options(pairs),
    hasUniqueValue: flags.unique ?? false,
    hidden: flags.hidden ?? false,
    formField: false,
    calculated,
    externalOptions: false,
    hubspotDefined: true,
    archived: false,
    readOnlyValue: calculated || (flags.readOnly ?? false),
  };
  if (flags.referencedObjectType) spec.referencedObjectType = flags.referencedObjectType;
  return spec;
}

export const text = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'string', 'text', flags);

export const textarea = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'string', 'textarea', flags);

export const html = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'string', 'html', flags);

/** HubSpot's phone fields are `string` values shown with the `phonenumber` field type. */
export const phone = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'string', 'phonenumber', flags);

export const number = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'number', 'number', flags);

/** A calendar date: midnight-UTC epoch ms or `YYYY-MM-DD`. */
export const date = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'date', 'date', flags);

/** A point in time; HubSpot shows datetimes with the `date` field type too. */
export const datetime = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'datetime', 'date', flags);

export const bool = (name: string, label: string, group: string, flags: Flags = {}) =>
  property(name, label, group, 'bool', 'booleancheckbox', flags, BOOL_OPTIONS);

/** A single-choice dropdown (`select`) unless `flags.fieldType` says otherwise. */
export const enumeration = (
  name: string,
  label: string,
  group: string,
  pairs: OptionPairs,
  flags: Flags = {},
) => property(name, label, group, 'enumeration', 'select', flags, pairs);

export const radio = (name: string, label: string, group: string, pairs: OptionPairs, flags: Flags = {}) =>
  property(name, label, group, 'enumeration', 'radio', flags, pairs);

/** Multiple choice; values are `;`-joined. */
export const checkbox = (name: string, label: string, group: string, pairs: OptionPairs, flags: Flags = {}) =>
  property(name, label, group, 'enumeration', 'checkbox', flags, pairs);

export const group = (name: string, label: string): GroupSpec => ({ name, label, archived: false });
