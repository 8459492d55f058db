import { FieldValidationError } from '../hubspot/coerce';
import { findStandardObjectType, type ObjectTypeDef } from '../hubspot/objectTypes';
import type { ObjectTypeRef } from './types';

/**
 * Object types named by a fixed value or by what the user chose in another field of the step (custom objects
 * included). A custom object is addressed by its objectTypeId (`2-1234567`) or fully qualified name (`p62515_cars`),
 * as the objects, properties and associations APIs accept both.
 * https://developers.hubspot.com/docs/api/crm/crm-custom-objects
 */

/** The type a reference names for this input, or `undefined` when the user has not chosen one yet. */
export function typeNameFromInput(ref: ObjectTypeRef, input: Record<string, unknown>): string | undefined {
  if (typeof ref === 'string') return ref;
  const value = input[ref.fromInput];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A stable word for keys derived from a reference (`contacts`, or the input field's key). */
export function typeRefKey(ref: ObjectTypeRef): string {
  return typeof ref === 'string' ? ref : ref.fromInput;
}

const CUSTOM_TYPE_ID = /^2-\d+$/;
const CUSTOM_FULLY_QUALIFIED_NAME = /^p\d+_[a-z][a-z0-9_]*$/i;

/** Custom objects keep their times in these properties (the schema API creates them with every custom object). */
export function customObjectType(name: string): ObjectTypeDef {
  return {
    name,
    objectTypeId: CUSTOM_TYPE_ID.test(name) ? name : '',
    singular: 'Record',
    plural: 'Records',
    primaryDisplayProperty: 'hs_object_id',
    readScopes: ['crm.objects.custom.read'],
    writeScopes: ['crm.objects.custom.write'],
    queryProperties: [],
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'hs_createdate',
    engagement: false,
    custom: true,
  };
}

/**
 * The object type a value names: a standard type (by name or id) or a custom object (by `2-…` id or `p…_name`).
 * Anything else is refused naming the field, before any HubSpot call.
 */
export function objectTypeFromValue(value: string, field: { key: string; label: string }): ObjectTypeDef {
  const standard = findStandardObjectType(value);
  if (standard) return standard;
  if (CUSTOM_TYPE_ID.test(value) || CUSTOM_FULLY_QUALIFIED_NAME.test(value)) return customObjectType(value);
  throw new FieldValidationError(
    field.key,
    field.label,
    `"${value}" is not an object type. Choose one from the list (standard types such as contacts, or a custom object's id such as 2-1234567).`,
  );
}
