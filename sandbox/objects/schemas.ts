import { fail, validationError } from '../errors';
import type { PropertyDef } from '../model';
import type { Portal } from '../portal';
import { CUSTOM_READ_SCOPES, CUSTOM_WRITE_SCOPES, type CustomObjectTypeDef } from './customObjects';
import { newPropertyDef, optionalString, requiredString, shapeProperty } from './propertyDefs';
import { iso } from './read';

/**
 * Custom object schemas (https://developers.hubspot.com/docs/api/crm/crm-custom-objects): defining one registers an
 * object type (`2-<n>`, `p<portalId>_<name>`) and creates its properties, plus the system properties every custom
 * object has (`hs_object_id`, `hs_createdate`, `hs_lastmodifieddate`).
 */

const NAME = /^[a-z][a-z0-9_]*$/;

export function createSchema(portal: Portal, body: Record<string, unknown>): CustomObjectTypeDef {
  const name = requiredString(body, 'name');
  if (!NAME.test(name)) {
    throw validationError(`Invalid object name '${name}': use lower-case letters, digits and underscores.`);
  }
  if (portal.objectTypes.find(name)) {
    throw fail(409, `An object type named '${name}' already exists.`, 'OBJECT_ALREADY_EXISTS', {
      context: { name: [name] },
    });
  }
  const labels = (body.labels ?? {}) as Record<string, unknown>;
  const singular = requiredString(labels, 'singular');
  const plural = requiredString(labels, 'plural');
  const rawProperties = Array.isArray(body.properties)
    ? (body.properties as Array<Record<string, unknown>>)
    : [];
  const names = new Set(rawProperties.map((p) => String(p?.name ?? '')));
  const listed = (field: string) => {
    const list = Array.isArray(body[field]) ? (body[field] as unknown[]).map(String) : [];
    const unknown = list.filter((n) => !names.has(n));
    if (unknown.length > 0) {
      throw validationError(`${field} names properties the schema does not define: ${unknown.join(', ')}`);
    }
    return list;
  };
  const requiredProperties = listed('requiredProperties');
  const searchableProperties = listed('searchableProperties');
  const secondaryDisplayProperties = listed('secondaryDisplayProperties');
  const primaryDisplayProperty = optionalString(body, 'primaryDisplayProperty') ?? 'hs_object_id';
  if (primaryDisplayProperty !== 'hs_object_id' && !names.has(primaryDisplayProperty)) {
    throw validationError(
      `primaryDisplayProperty '${primaryDisplayProperty}' is not one of the schema's properties.`,
    );
  }

  // The number comes from the portal's id sequence, so a deleted schema's number (and its leftovers) is never reused.
  const n = portal.ids.take();
  const now = portal.now();
  const type: CustomObjectTypeDef = {
    name,
    objectTypeId: `2-${n}`,
    id: String(n),
    fullyQualifiedName: `p${portal.info.portalId}_${name}`,
    singular,
    plural,
    primaryDisplayProperty,
    readScopes: CUSTOM_READ_SCOPES,
    writeScopes: CUSTOM_WRITE_SCOPES,
    queryProperties: searchableProperties,
    defaultProperties: [
      ...new Set([primaryDisplayProperty, 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']),
    ],
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'hs_createdate',
    engagement: false,
    custom: true,
    requiredProperties,
    secondaryDisplayProperties,
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    createdAt: now,
    updatedAt: now,
  };

  // Check every property before registering anything, so a bad schema leaves no trace.
  const groupName = `${name}_information`;
  portal.objectTypes.addCustom(type);
  try {
    portal.properties.putGroup(type, {
      name: groupName,
      label: `${singular} information`,
      displayOrder: 0,
      archived: false,
    });
    const defs = rawProperties.map((raw, i) =>
      newPropertyDef(portal, type, raw, { groupName, displayOrder: i }),
    );
    for (const def of [...defs, ...systemProperties(groupName, now)]) portal.properties.put(type, def);
  } catch (error) {
    portal.objectTypes.removeCustom(type.objectTypeId);
    throw error;
  }
  return type;
}

function systemProperties(groupName: string, now: number): PropertyDef[] {
  const system = (
    name: string,
    label: string,
    type: 'number' | 'datetime',
    unique: boolean,
  ): PropertyDef => ({
    name,
    label,
    type,
    fieldType: type === 'number' ? 'number' : 'date',
    groupName,
    description: '',
    options: [],
    displayOrder: -1,
    hasUniqueValue: unique,
    hidden: false,
    formField: false,
    calculated: false,
    externalOptions: false,
    hubspotDefined: true,
    archived: false,
    readOnlyValue: true,
    createdAt: now,
    updatedAt: now,
  });
  return [
    system('hs_object_id', 'Record ID', 'number', true),
    system('hs_createdate', 'Create date', 'datetime', false),
    system('hs_lastmodifieddate', 'Last modified date', 'datetime', false),
  ];
}

/** `PATCH` (`ObjectTypeDefinitionPatch`): labels, display and search properties, required properties, description. */
export function patchSchema(
  portal: Portal,
  type: CustomObjectTypeDef,
  body: Record<string, unknown>,
): CustomObjectTypeDef {
  const known = (list: unknown, field: string): string[] => {
    const names = (Array.isArray(list) ? list : []).map(String);
    const unknown = names.filter((n) => !portal.properties.get(type, n));
    if (unknown.length > 0) throw validationError(`${field} names unknown properties: ${unknown.join(', ')}`);
    return names;
  };
  const labels = (body.labels ?? {}) as Record<string, unknown>;
  const primary = optionalString(body, 'primaryDisplayProperty');
  if (primary) known([primary], 'primaryDisplayProperty');
  const searchable =
    body.searchableProperties === undefined
      ? undefined
      : known(body.searchableProperties, 'searchableProperties');
  const updated: CustomObjectTypeDef = {
    ...type,
    singular: optionalString(labels, 'singular') ?? type.singular,
    plural: optionalString(labels, 'plural') ?? type.plural,
    primaryDisplayProperty: primary ?? type.primaryDisplayProperty,
    queryProperties: searchable ?? type.queryProperties,
    requiredProperties:
      body.requiredProperties === undefined
        ? type.requiredProperties
        : known(body.requiredProperties, 'requiredProperties'),
    secondaryDisplayProperties:
      body.secondaryDisplayProperties === undefined
        ? type.secondaryDisplayProperties
        : known(body.secondaryDisplayProperties, 'secondaryDisplayProperties'),
    updatedAt: portal.now(),
  };
  if (body.clearDescription === true) delete updated.description;
  else if (typeof body.description === 'string') updated.description = body.description;
  updated.defaultProperties = [
    ...new Set([updated.primaryDisplayProperty, 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']),
  ];
  portal.objectTypes.addCustom(updated);
  return updated;
}

/** `ObjectTypeDefinition`, what PATCH answers. */
export function shapeDefinition(portal: Portal, type: CustomObjectTypeDef) {
  return {
    id: type.id,
    objectTypeId: type.objectTypeId,
    fullyQualifiedName: type.fullyQualifiedName,
    name: type.name,
    labels: { singular: type.singular, plural: type.plural },
    primaryDisplayProperty: type.primaryDisplayProperty,
    secondaryDisplayProperties: type.secondaryDisplayProperties,
    requiredProperties: type.requiredProperties,
    searchableProperties: [...type.queryProperties],
    ...(type.description !== undefined ? { description: type.description } : {}),
    portalId: portal.info.portalId,
    archived: false,
    createdAt: iso(type.createdAt),
    updatedAt: iso(type.updatedAt),
  };
}

/** `ObjectSchema`, what create, get and list answer. */
export function shapeSchema(portal: Portal, type: CustomObjectTypeDef) {
  const { portalId: _portalId, ...definition } = shapeDefinition(portal, type);
  return { ...definition, properties: portal.properties.list(type).map(shapeProperty), associations: [] };
}
