import { validationError } from '../errors';
import { json, noContent, objectBody } from '../http';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { AssociationDefinition } from '../state/associations';
import { fromTypeScopes } from './view';

/**
 * Association label definitions between two object types. The SDK reaches them under two prefixes
 * (`/crm/v4/associations/...` for `schema.definitionsApi`, `/crm/associations/v4/...` for `schema.labelsApi`).
 * https://developers.hubspot.com/docs/api/crm/associations/v4 ("Create and manage association types")
 */
export function labelRoutes(router: Router, base: string): void {
  const read = { scopes: fromTypeScopes('read') };
  const write = { scopes: fromTypeScopes('write') };
  const pair = (portal: Portal, params: Record<string, string>) => ({
    from: portal.objectTypes.resolve(params.fromType!).objectTypeId,
    to: portal.objectTypes.resolve(params.toType!).objectTypeId,
  });

  router.get(base, read, (req, portal) => {
    const { from, to } = pair(portal, req.params);
    return json(200, { results: portal.associations.definitions(from, to).map(specWithLabel) });
  });

  // POST answers 200 with the new label and its inverse (the SDK accepts 200 here, not 201).
  router.post(base, write, (req, portal) => {
    const { from, to } = pair(portal, req.params);
    const body = objectBody(req);
    const label = requiredString(body.label, 'label');
    const name = requiredString(body.name, 'name');
    const inverseLabel = optionalString(body.inverseLabel, 'inverseLabel');
    if (portal.associations.definitions(from, to).some((d) => d.name === name)) {
      throw validationError(`An association label named ${name} already exists between ${from} and ${to}.`);
    }
    const created = portal.associations.createLabel(from, to, { name, label, inverseLabel });
    return json(200, { results: created.map(specWithLabel) });
  });

  router.put(base, write, (req, portal) => {
    const { from, to } = pair(portal, req.params);
    const body = objectBody(req);
    const typeId = body.associationTypeId;
    if (typeof typeId !== 'number' || !Number.isInteger(typeId)) {
      throw validationError('Invalid input JSON: associationTypeId must be an integer.');
    }
    requireUserLabel(portal, from, to, typeId);
    const label = requiredString(body.label, 'label');
    portal.associations.updateLabel(
      from,
      to,
      typeId,
      label,
      optionalString(body.inverseLabel, 'inverseLabel'),
    );
    return noContent();
  });

  router.delete(`${base}/:associationTypeId`, write, (req, portal) => {
    const { from, to } = pair(portal, req.params);
    const typeId = Number(req.params.associationTypeId);
    requireUserLabel(portal, from, to, typeId);
    portal.associations.deleteLabel(from, to, typeId);
    return noContent();
  });
}

const specWithLabel = (d: AssociationDefinition) => ({
  category: d.category,
  typeId: d.typeId,
  label: d.label,
});

/** Only user-defined labels can be changed; HubSpot's own and unknown ids answer 400 (message UNVERIFIED). */
function requireUserLabel(portal: Portal, from: string, to: string, typeId: number): void {
  const def = portal.associations.userDefinition(from, to, typeId);
  if (def?.label != null) return;
  const hubspot = portal.associations.definition(from, to, typeId);
  throw validationError(
    hubspot
      ? `Association type ${typeId} from ${from} to ${to} is not a user-defined label and cannot be changed.`
      : `Association type ${typeId} does not exist from ${from} to ${to}.`,
  );
}

function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw validationError(`Invalid input JSON: ${field} is required.`);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requiredString(value, field);
}
