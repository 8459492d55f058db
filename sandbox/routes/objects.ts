import { validationError } from '../errors';
import { PAGING } from '../facts/limits';
import { findStandardObjectType } from '../facts/objectTypes';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import type { SandboxRecord } from '../model';
import { associationsForRecord } from '../objects/associations';
import { requireRecord } from '../objects/lookup';
import { gdprDelete, mergeRecords } from '../objects/merge';
import { compareIds, shapeRecord } from '../objects/read';
import { archivedQuery, objectTypeOf, readScopes, writeScopes } from '../objects/request';
import { archiveRecord, createRecord, sourceOf, updateRecord } from '../objects/write';
import type { Portal } from '../portal';
import type { Router } from '../router';

/**
 * CRM objects v3, one record at a time: https://developers.hubspot.com/docs/api/crm/understanding-the-crm
 * Success statuses are the ones `@hubspot/api-client` 14 accepts (201 create, 204 archive, 200 otherwise).
 */
export function objectRoutes(router: Router): void {
  const read = { scopes: readScopes };
  const write = { scopes: writeScopes };
  const base = '/crm/v3/objects/:objectType';

  router.get(base, read, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const withHistory = req.query.list('propertiesWithHistory');
    const maxLimit = withHistory.length > 0 ? PAGING.maxListLimitWithHistory : PAGING.maxListLimit;
    // Over the history limit a page is shortened rather than refused, so a client's `limit=100` still pages.
    const limit = Math.min(
      req.query.int('limit', { fallback: PAGING.defaultLimit, min: 1, max: PAGING.maxListLimit }),
      maxLimit,
    );
    const archived = archivedQuery(req);
    const after = decodeCursor(req.query.get('after'));
    const page: SandboxRecord[] = [];
    let more = false;
    for (const record of portal.records.table(type.objectTypeId).values()) {
      if (record.archived !== archived || (after !== undefined && compareIds(record.id, after) <= 0))
        continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(record);
    }
    const results = page.map((record) => shapeForRead(req, portal, record));
    if (!more) return json(200, { results });
    const cursor = encodeCursor(page[page.length - 1]!.id);
    return json(200, {
      results,
      paging: { next: { after: cursor, link: `?after=${encodeURIComponent(cursor)}` } },
    });
  });

  router.get(`${base}/:objectId`, read, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const record = requireRecord(portal, type, req.params.objectId!, {
      idProperty: req.query.get('idProperty'),
      archived: archivedQuery(req),
    });
    return json(200, shapeForRead(req, portal, record));
  });

  router.post(base, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const body = objectBody(req);
    const record = createRecord(portal, type, body, req.auth);
    return json(201, shapeWritten(portal, req, record, body));
  });

  router.patch(`${base}/:objectId`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const body = objectBody(req);
    const record = updateRecord(portal, type, req.params.objectId!, body, req.auth, {
      idProperty: req.query.get('idProperty'),
    });
    return json(200, shapeWritten(portal, req, record, body));
  });

  // Archiving is idempotent: an unknown or already archived id also answers 204, as HubSpot does.
  router.delete(`${base}/:objectId`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const record = portal.records.get(type.objectTypeId, req.params.objectId!);
    if (record) archiveRecord(portal, record);
    return noContent();
  });

  router.post(`${base}/merge`, write, (req, portal) => {
    const type = objectTypeOf(req, portal);
    const body = objectBody(req);
    const primary = idField(body, 'primaryObjectId');
    const merged = idField(body, 'objectIdToMerge');
    const record = mergeRecords(portal, type, primary, merged, sourceOf(req.auth));
    return json(200, shapeRecord(portal, type, record, { omitUnset: true }));
  });

  const contacts = findStandardObjectType('contacts')!;
  router.post(
    '/crm/v3/objects/contacts/gdpr-delete',
    { scopes: () => contacts.writeScopes },
    (req, portal) => {
      const body = objectBody(req);
      const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
      gdprDelete(portal, contacts, idField(body, 'objectId'), idProperty);
      return noContent();
    },
  );
}

/** A read answer: requested properties, history and associations from the query string. */
function shapeForRead(req: SandboxRequest, portal: Portal, record: SandboxRecord) {
  const type = objectTypeOf(req, portal);
  const shaped = shapeRecord(portal, type, record, {
    properties: req.query.list('properties'),
    propertiesWithHistory: req.query.list('propertiesWithHistory'),
  });
  const associations = associationsForRecord(portal, type, record.id, req.query.list('associations'));
  return associations ? { ...shaped, associations } : shaped;
}

function shapeWritten(
  portal: Portal,
  req: SandboxRequest,
  record: SandboxRecord,
  body: Record<string, unknown>,
) {
  const written = Object.keys((body.properties as Record<string, unknown> | undefined) ?? {});
  return shapeRecord(portal, objectTypeOf(req, portal), record, { written, omitUnset: true });
}

function idField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' && typeof value !== 'number') throw validationError(`${name} is required.`);
  return String(value);
}

/** `paging.next.after` is opaque on HubSpot (base64); the sandbox's holds the last id of the page. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId).toString('base64');
}

export function decodeCursor(after: string | undefined): string | undefined {
  if (after === undefined || after === '') return undefined;
  if (/^\d+$/.test(after)) return after;
  const decoded = Buffer.from(after, 'base64').toString('utf8').trim();
  if (!/^\d+$/.test(decoded)) throw validationError(`Invalid value '${after}' for query parameter after.`);
  return decoded;
}
