import { fail, validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import type { PropertyDef } from '../model';
import {
  newPropertyDef,
  nextDisplayOrder,
  optionalString,
  requiredString,
  shapeGroup,
  shapeProperty,
  updatedPropertyDef,
} from '../objects/propertyDefs';
import { archivedQuery, objectTypeOf } from '../objects/request';
import type { Portal } from '../portal';
import type { Router } from '../router';

/**
 * Properties and property groups: https://developers.hubspot.com/docs/api/crm/properties
 * Scopes are lenient on purpose: any scope that reads (or writes) the object, or any `crm.schemas.*` scope.
 */
export function propertyRoutes(router: Router): void {
  const base = '/crm/v3/properties/:objectType';
  const read = { scopes: schemaScopes('read') };
  const write = { scopes: schemaScopes('write') };

  router.get(base, read, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const only = new Set(req.query.list('properties'));
    const results = portal.properties
      .list(type, { archived: archivedQuery(req) })
      .filter((p) => only.size === 0 || only.has(p.name))
      .map(shapeProperty);
    return json(200, { results });
  });

  router.post(base, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const def = newPropertyDef(portal, type, objectBody(req), {
      displayOrder: nextDisplayOrder(portal, type),
    });
    portal.properties.put(type, def);
    return json(201, shapeProperty(def));
  });

  // Groups come before `/:propertyName` only by their literal segment, which the router prefers.
  router.get(`${base}/groups`, read, (req, portal) => {
    return json(200, { results: portal.properties.groups(objectTypeOf(req, portal)).map(shapeGroup) });
  });

  router.post(`${base}/groups`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const body = objectBody(req);
    const name = requiredString(body, 'name');
    if (portal.properties.group(type, name)) {
      throw fail(
        409,
        `A property group named '${name}' already exists for ${type.name}.`,
        'OBJECT_ALREADY_EXISTS',
      );
    }
    const group = {
      name,
      label: requiredString(body, 'label'),
      displayOrder:
        typeof body.displayOrder === 'number' ? body.displayOrder : portal.properties.groups(type).length,
      archived: false,
    };
    portal.properties.putGroup(type, group);
    return json(201, shapeGroup(group));
  });

  router.get(`${base}/groups/:groupName`, read, (req, portal) => {
    const type = objectTypeOf(req, portal);
    return json(200, shapeGroup(requireGroup(portal, type, req.params.groupName!)));
  });

  router.patch(`${base}/groups/:groupName`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const group = requireGroup(portal, type, req.params.groupName!);
    const body = objectBody(req);
    const updated = {
      ...group,
      label: optionalString(body, 'label') ?? group.label,
      displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : group.displayOrder,
    };
    portal.properties.putGroup(type, updated);
    return json(200, shapeGroup(updated));
  });

  router.delete(`${base}/groups/:groupName`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const group = requireGroup(portal, type, req.params.groupName!);
    if (portal.properties.list(type).some((p) => p.groupName === group.name)) {
      throw validationError(
        `Property group '${group.name}' still holds properties; move or archive them first.`,
      );
    }
    portal.properties.putGroup(type, { ...group, archived: true });
    return noContent();
  });

  router.get(`${base}/:propertyName`, read, (req, portal) => {
    const type = objectTypeOf(req, portal);
    return json(
      200,
      shapeProperty(requireProperty(portal, type, req.params.propertyName!, archivedQuery(req))),
    );
  });

  router.patch(`${base}/:propertyName`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const def = requireProperty(portal, type, req.params.propertyName!, false);
    const updated = updatedPropertyDef(portal, type, def, objectBody(req));
    portal.properties.put(type, updated);
    return json(200, shapeProperty(updated));
  });

  router.delete(`${base}/:propertyName`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const def = requireProperty(portal, type, req.params.propertyName!, false);
    if (def.hubspotDefined)
      throw validationError(`HubSpot-defined property '${def.name}' cannot be archived.`);
    portal.properties.put(type, { ...def, archived: true, updatedAt: portal.now() });
    return noContent();
  });
}

function schemaScopes(access: 'read' | 'write') {
  return (req: SandboxRequest, portal: Portal): readonly string[] => {
    const type = portal.objectTypes.find(req.params.objectType ?? '');
    if (!type) return [];
    const schemas = ['contacts', 'companies', 'deals', 'custom'].map((o) => `crm.schemas.${o}.${access}`);
    return access === 'read'
      ? [...type.readScopes, ...type.writeScopes, ...schemas]
      : [...type.writeScopes, ...schemas];
  };
}

function requireProperty(portal: Portal, type: ObjectTypeDef, name: string, archived: boolean): PropertyDef {
  const def = archived
    ? portal.properties.list(type, { archived: true }).find((p) => p.name === name)
    : portal.properties.get(type, name);
  if (!def) throw fail(404, `Unable to find property ${name} for ${type.name}.`, 'OBJECT_NOT_FOUND');
  return def;
}

function requireGroup(portal: Portal, type: ObjectTypeDef, name: string) {
  const group = portal.properties.group(type, name);
  if (!group) throw fail(404, `Unable to find property group ${name} for ${type.name}.`, 'OBJECT_NOT_FOUND');
  return group;
}
