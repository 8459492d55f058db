import { methodNotAllowed } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { SandboxRequest } from '../http';
import type { Portal } from '../portal';

/** Request helpers the objects, batch and properties routes share. */

/** The object type named by `:objectType`, or HubSpot's 400 for an unknown one. */
export const objectTypeOf = (req: SandboxRequest, portal: Portal): ObjectTypeDef =>
  portal.objectTypes.resolve(req.params.objectType ?? '');

/**
 * Scope checks per object type (https://developers.hubspot.com/docs/api/scopes). An unknown type needs no scope here,
 * so the handler answers its 400 rather than a misleading 403.
 */
export const readScopes = (req: SandboxRequest, portal: Portal): readonly string[] =>
  portal.objectTypes.find(req.params.objectType ?? '')?.readScopes ?? [];

/**
 * A read-only type (feedback submissions, goal targets) has no write endpoint in HubSpot's guides; the sandbox answers
 * its 405 for a method the path does not support, before any scope check. Users take updates only (a PATCH of one
 * record or `batch/update`): creating, archiving or merging one is answered the same way.
 */
export const writeScopes = (req: SandboxRequest, portal: Portal): readonly string[] => {
  const type = portal.objectTypes.find(req.params.objectType ?? '');
  if (type?.readOnly) throw methodNotAllowed(req.method, req.path);
  if (type?.updateOnly && !isUpdate(req)) throw methodNotAllowed(req.method, req.path);
  return type?.writeScopes ?? [];
};

const isUpdate = (req: SandboxRequest) =>
  req.method === 'PATCH' || (req.method === 'POST' && req.path.endsWith('/batch/update'));

/** A string array from a JSON body field (`properties`, `propertiesWithHistory`); anything else reads as none. */
export function stringList(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
}

/** `?archived=` */
export const archivedQuery = (req: SandboxRequest) => req.query.bool('archived');
