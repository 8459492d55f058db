import { findStandardObjectType } from '../hubspot/objectTypes';

/**
 * The object types a subscription may name, and the scopes that cover reading their events. Standard types come from
 * the core's table; a custom object is named by its objectTypeId (`2-…`), which needs no HubSpot call to resolve.
 * Scopes: https://developers.hubspot.com/docs/api/scopes
 */

const CUSTOM_TYPE_ID = /^2-\d+$/;
const CUSTOM_READ_SCOPES = ['crm.objects.custom.read'];

export interface ResolvedObjectType {
  objectTypeId: string;
  /** Any one of these lets a token see the type's events. */
  readScopes: readonly string[];
}

export function resolveObjectType(nameOrId: string): ResolvedObjectType | undefined {
  if (CUSTOM_TYPE_ID.test(nameOrId)) return { objectTypeId: nameOrId, readScopes: CUSTOM_READ_SCOPES };
  const standard = findStandardObjectType(nameOrId);
  return standard ? { objectTypeId: standard.objectTypeId, readScopes: standard.readScopes } : undefined;
}

export function readScopesFor(objectTypeId: string): readonly string[] {
  return resolveObjectType(objectTypeId)?.readScopes ?? CUSTOM_READ_SCOPES;
}
