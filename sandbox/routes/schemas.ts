import { fail, validationError } from '../errors';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import { asCustom, type CustomObjectTypeDef } from '../objects/customObjects';
import { createSchema, patchSchema, shapeDefinition, shapeSchema } from '../objects/schemas';
import type { Portal } from '../portal';
import type { Router } from '../router';

/**
 * Custom object schemas: https://developers.hubspot.com/docs/api/crm/crm-custom-objects
 * (201 on create, 204 on delete, as `@hubspot/api-client` 14 expects).
 */
export function schemaRoutes(router: Router): void {
  const base = '/crm-object-schemas/v3/schemas';
  const read = {
    scopes: () => ['crm.schemas.custom.read', 'crm.objects.custom.read', 'crm.schemas.custom.write'],
  };
  const write = { scopes: () => ['crm.schemas.custom.write'] };

  router.get(base, read, (_req, portal) =>
    json(200, {
      results: portal.objectTypes.customTypes().map((t) => shapeSchema(portal, t as CustomObjectTypeDef)),
    }),
  );

  router.post(base, write, (req, portal) =>
    json(201, shapeSchema(portal, createSchema(portal, objectBody(req)))),
  );

  router.get(`${base}/:objectType`, read, (req, portal) =>
    json(200, shapeSchema(portal, requireSchema(req, portal))),
  );

  router.patch(`${base}/:objectType`, write, (req, portal) => {
    const updated = patchSchema(portal, requireSchema(req, portal), objectBody(req));
    return json(200, shapeDefinition(portal, updated));
  });

  // A schema with live records cannot go (HubSpot asks to delete them first); archived ones go with it.
  router.delete(`${base}/:objectType`, write, (req, portal) => {
    const type = requireSchema(req, portal);
    const live = [...portal.records.table(type.objectTypeId).values()].filter((r) => !r.archived).length;
    if (live > 0) {
      throw validationError(
        `Object type ${type.fullyQualifiedName} still has ${live} records; archive them first.`,
      );
    }
    portal.objectTypes.removeCustom(type.objectTypeId);
    return noContent();
  });
}

function requireSchema(req: SandboxRequest, portal: Portal): CustomObjectTypeDef {
  const type = portal.objectTypes.find(req.params.objectType ?? '');
  const custom = type && asCustom(type);
  if (!custom) throw fail(404, `Unable to find object type ${req.params.objectType}.`, 'OBJECT_NOT_FOUND');
  return custom;
}
