import { objectNotFound, resourceNotFound, validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { SandboxRecord } from '../model';
import type { Portal } from '../portal';
import { isContactEmail, uniqueIndex } from './uniqueIndex';

/**
 * Finding one record by id, or by `idProperty` (a property with `hasUniqueValue`, or a contact's email):
 * https://developers.hubspot.com/docs/api/crm/contacts#retrieve-contacts-by-record-id-email-or-custom-unique-value-property
 */

export interface FindOptions {
  idProperty?: string;
  /** Look among archived records instead of live ones. */
  archived?: boolean;
}

/** Refuses an `idProperty` that cannot identify a record. */
export function checkIdProperty(portal: Portal, type: ObjectTypeDef, idProperty: string): void {
  if (idProperty === 'hs_object_id' || isContactEmail(type, idProperty)) return;
  const def = portal.properties.get(type, idProperty);
  if (!def)
    throw validationError(`Property "${idProperty}" does not exist`, {
      context: { idProperty: [idProperty] },
    });
  if (!def.hasUniqueValue) {
    throw validationError(
      `${idProperty} is not a unique identifier property: use a property with hasUniqueValue.`,
      {
        context: { idProperty: [idProperty] },
      },
    );
  }
}

/** The record whose `idProperty` holds `value` (live ones through the unique index). */
export function findByIdProperty(
  portal: Portal,
  type: ObjectTypeDef,
  idProperty: string,
  value: string,
  options: { archived?: boolean } = {},
): SandboxRecord | undefined {
  if (idProperty === 'hs_object_id') return findById(portal, type, value, options.archived ?? false);
  if (!options.archived) {
    const id = uniqueIndex(portal).lookup(type, idProperty, value);
    return id === undefined ? undefined : portal.records.get(type.objectTypeId, id);
  }
  const wanted = isContactEmail(type, idProperty) ? value.toLowerCase() : value;
  for (const record of portal.records.table(type.objectTypeId).values()) {
    const held = record.properties[idProperty];
    if (!record.archived || held === undefined) continue;
    if ((isContactEmail(type, idProperty) ? held.toLowerCase() : held) === wanted) return record;
  }
  return undefined;
}

function findById(
  portal: Portal,
  type: ObjectTypeDef,
  id: string,
  archived: boolean,
): SandboxRecord | undefined {
  const record = portal.records.get(type.objectTypeId, id);
  return record && record.archived === archived ? record : undefined;
}

/** A record by id or idProperty, or undefined. */
export function findRecord(
  portal: Portal,
  type: ObjectTypeDef,
  id: string,
  options: FindOptions = {},
): SandboxRecord | undefined {
  if (options.idProperty) {
    checkIdProperty(portal, type, options.idProperty);
    return findByIdProperty(portal, type, options.idProperty, id, options);
  }
  return findById(portal, type, id, options.archived ?? false);
}

/**
 * A record or HubSpot's 404: a numeric id (or an idProperty value) that matches nothing answers "resource not
 * found"; a non-numeric id without idProperty answers OBJECT_NOT_FOUND (hubspot-api.md §2.2).
 */
export function requireRecord(
  portal: Portal,
  type: ObjectTypeDef,
  id: string,
  options: FindOptions = {},
): SandboxRecord {
  if (!options.idProperty && !/^\d+$/.test(id)) throw objectNotFound(id);
  const record = findRecord(portal, type, id, options);
  if (!record) throw resourceNotFound();
  return record;
}
