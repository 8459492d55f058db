import { fail, validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { FieldType, PropertyDef, PropertyGroup, PropertyOption, PropertyType } from '../model';
import type { Portal } from '../portal';
import { iso } from './read';

/**
 * Property definitions through the properties API (https://developers.hubspot.com/docs/api/crm/properties): the
 * answer shape (`Property`), and checks on a definition written by a client.
 */

/** Which field types each property type may be shown with (properties guide, "Property type and fieldType values"). */
const FIELD_TYPES: Readonly<Record<PropertyType, readonly FieldType[]>> = {
  bool: ['booleancheckbox'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
  date: ['date'],
  datetime: ['date'],
  string: ['text', 'textarea', 'file', 'html', 'phonenumber'],
  number: ['number', 'calculation_equation'],
  phone_number: ['phonenumber'],
};

/** The field type a property of this type gets when the client names none (custom object schemas allow that). */
const DEFAULT_FIELD_TYPE: Readonly<Record<PropertyType, FieldType>> = {
  bool: 'booleancheckbox',
  enumeration: 'select',
  date: 'date',
  datetime: 'date',
  string: 'text',
  number: 'number',
  phone_number: 'phonenumber',
};

const NAME = /^[a-z][a-z0-9_]*$/;

/** `Property` as `GET /crm/v3/properties/{objectType}` answers it. */
export function shapeProperty(def: PropertyDef) {
  const { readOnlyValue, createdAt, updatedAt, ...rest } = def;
  return {
    ...rest,
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    modificationMetadata: {
      archivable: !def.hubspotDefined,
      readOnlyDefinition: def.hubspotDefined,
      readOnlyValue,
      readOnlyOptions: def.hubspotDefined && def.type === 'enumeration' ? false : undefined,
    },
  };
}

export const shapeGroup = (group: PropertyGroup) => ({ ...group });

/**
 * A new property definition from a create body (`PropertyCreate`, or a schema's `ObjectTypePropertyCreate` where
 * `groupName` and `fieldType` may be left out). Throws HubSpot's 400 on a bad one, 409 on a taken name.
 */
export function newPropertyDef(
  portal: Portal,
  type: ObjectTypeDef,
  body: Record<string, unknown>,
  defaults: { groupName?: string; displayOrder: number },
): PropertyDef {
  const name = requiredString(body, 'name');
  if (!NAME.test(name)) {
    throw validationError(
      `Invalid property name '${name}': use lower-case letters, digits and underscores, starting with a letter.`,
    );
  }
  const existing =
    portal.properties.get(type, name) ??
    portal.properties.list(type, { archived: true }).find((p) => p.name === name);
  if (existing) {
    throw fail(409, `A property named '${name}' already exists for ${type.name}.`, 'OBJECT_ALREADY_EXISTS', {
      context: { propertyName: [name] },
    });
  }
  const propertyType = requiredString(body, 'type') as PropertyType;
  if (!(propertyType in FIELD_TYPES)) {
    throw validationError(
      `Invalid type '${propertyType}': use one of ${Object.keys(FIELD_TYPES).join(', ')}.`,
    );
  }
  const fieldType = (optionalString(body, 'fieldType') ?? DEFAULT_FIELD_TYPE[propertyType]) as FieldType;
  checkFieldType(propertyType, fieldType);
  const groupName = optionalString(body, 'groupName') ?? defaults.groupName;
  if (!groupName || !portal.properties.group(type, groupName)) {
    throw validationError(`Property group '${groupName ?? ''}' does not exist for ${type.name}.`, {
      context: { groupName: [groupName ?? ''] },
    });
  }
  const now = portal.now();
  return {
    name,
    label: requiredString(body, 'label'),
    type: propertyType,
    fieldType,
    groupName,
    description: optionalString(body, 'description') ?? '',
    options: parseOptions(body.options, propertyType),
    displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : defaults.displayOrder,
    hasUniqueValue: body.hasUniqueValue === true,
    hidden: body.hidden === true,
    formField: body.formField === true,
    calculated: false,
    externalOptions: body.externalOptions === true,
    hubspotDefined: false,
    archived: false,
    readOnlyValue: false,
    ...(typeof body.referencedObjectType === 'string'
      ? { referencedObjectType: body.referencedObjectType }
      : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** A definition changed by `PropertyUpdate`; HubSpot's own properties keep their type. */
export function updatedPropertyDef(
  portal: Portal,
  type: ObjectTypeDef,
  def: PropertyDef,
  body: Record<string, unknown>,
): PropertyDef {
  const propertyType = (optionalString(body, 'type') ?? def.type) as PropertyType;
  if (!(propertyType in FIELD_TYPES)) throw validationError(`Invalid type '${propertyType}'.`);
  if (def.hubspotDefined && propertyType !== def.type) {
    throw validationError(`The type of HubSpot-defined property '${def.name}' cannot be changed.`);
  }
  const fieldType = (optionalString(body, 'fieldType') ?? def.fieldType) as FieldType;
  checkFieldType(propertyType, fieldType);
  const groupName = optionalString(body, 'groupName') ?? def.groupName;
  if (!portal.properties.group(type, groupName)) {
    throw validationError(`Property group '${groupName}' does not exist for ${type.name}.`);
  }
  return {
    ...def,
    type: propertyType,
    fieldType,
    groupName,
    label: optionalString(body, 'label') ?? def.label,
    description: optionalString(body, 'description') ?? def.description,
    options: body.options === undefined ? def.options : parseOptions(body.options, propertyType),
    displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : def.displayOrder,
    hidden: typeof body.hidden === 'boolean' ? body.hidden : def.hidden,
    formField: typeof body.formField === 'boolean' ? body.formField : def.formField,
    updatedAt: portal.now(),
  };
}

function checkFieldType(type: PropertyType, fieldType: FieldType): void {
  if (!FIELD_TYPES[type].includes(fieldType)) {
    throw validationError(
      `fieldType '${fieldType}' cannot be used with type '${type}': use one of ${FIELD_TYPES[type].join(', ')}.`,
    );
  }
}

function parseOptions(raw: unknown, type: PropertyType): PropertyOption[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: options must be an array.');
  if (raw.length > 0 && type !== 'enumeration' && type !== 'bool') {
    throw validationError(`Options can only be set on enumeration and bool properties, not ${type}.`);
  }
  return raw.map((o: Record<string, unknown>, i) => ({
    label: requiredString(o ?? {}, 'label'),
    value: requiredString(o ?? {}, 'value'),
    displayOrder: typeof o.displayOrder === 'number' ? o.displayOrder : i,
    hidden: o.hidden === true,
    ...(typeof o.description === 'string' ? { description: o.description } : {}),
  }));
}

export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw validationError(`${field} is required.`);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  return typeof body[field] === 'string' ? (body[field] as string) : undefined;
}

/** The next display order in a type's property list. */
export const nextDisplayOrder = (portal: Portal, type: ObjectTypeDef) =>
  portal.properties.list(type).reduce((max, p) => Math.max(max, p.displayOrder), -1) + 1;
