import { fail, validationError } from '../errors';
import { arrayBody, json, noContent, objectBody, type SandboxRequest } from '../http';
import { iso } from '../objects/read';
import type { Portal } from '../portal';
import type { Router } from '../router';
import {
  LIST_RESTORE_WINDOW_MS,
  PROCESSING_TYPES,
  type ProcessingType,
  type StoredList,
} from '../state/lists';

/**
 * Lists v3. Create answers 200 (not 201), as `@hubspot/api-client` 14 expects; memberships take a bare JSON array of
 * record ids. https://developers.hubspot.com/docs/api/crm/lists (hubspot-api.md §5.4)
 */

const read = { scopes: () => ['crm.lists.read', 'crm.lists.write'] };
const write = { scopes: () => ['crm.lists.write'] };
/** `GET …/memberships` pages hold at most 250 ids. */
const MAX_MEMBERSHIP_LIMIT = 250;
const MAX_SEARCH_COUNT = 500;

export function listRoutes(router: Router): void {
  router.post('/crm/v3/lists', write, (req, portal) => {
    const body = objectBody(req);
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name) throw validationError('name is required.', { context: { name: ['name'] } });
    const objectTypeId = String(body.objectTypeId ?? '');
    const type = portal.objectTypes.find(objectTypeId);
    if (!type) throw validationError(`Unknown objectTypeId '${objectTypeId}'.`);
    const processingType = body.processingType as ProcessingType;
    if (!PROCESSING_TYPES.includes(processingType)) {
      throw validationError(`processingType must be one of ${PROCESSING_TYPES.join(', ')}.`);
    }
    // List names are unique in a portal. Message: UNVERIFIED.
    if (portal.lists.all().some((l) => !l.deletedAt && l.name.toLowerCase() === name.toLowerCase())) {
      throw validationError(`A list named '${name}' already exists.`);
    }
    const now = portal.now();
    const list = portal.lists.create({
      name,
      objectTypeId: type.objectTypeId,
      processingType,
      createdAt: now,
      updatedAt: now,
      createdById: String(req.auth?.userId ?? ''),
    });
    return json(200, { list: listView(portal, list) });
  });

  router.get('/crm/v3/lists', read, (req, portal) => {
    const ids = req.query.list('listIds');
    const lists = live(portal).filter((l) => ids.length === 0 || ids.includes(l.listId));
    return json(200, { lists: lists.map((l) => listView(portal, l)) });
  });

  router.post('/crm/v3/lists/search', read, (req, portal) => {
    const body = objectBody(req);
    const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
    const offset = nonNegative(body.offset, 0, 'offset');
    const count = Math.min(nonNegative(body.count, 20, 'count'), MAX_SEARCH_COUNT);
    const types = Array.isArray(body.processingTypes) ? body.processingTypes.map(String) : [];
    const ids = Array.isArray(body.listIds) ? body.listIds.map(String) : [];
    const matching = live(portal)
      .filter((l) => !query || l.name.toLowerCase().includes(query))
      .filter((l) => types.length === 0 || types.includes(l.processingType))
      .filter((l) => ids.length === 0 || ids.includes(l.listId));
    const page = matching.slice(offset, offset + count);
    return json(200, {
      lists: page.map((l) => ({ ...listView(portal, l), additionalProperties: {} })),
      hasMore: offset + count < matching.length,
      offset: offset + page.length,
      total: matching.length,
    });
  });

  router.get('/crm/v3/lists/object-type-id/:objectTypeId/name/:listName', read, (req, portal) => {
    const type = portal.objectTypes.find(req.params.objectTypeId!);
    const wanted = req.params.listName!.toLowerCase();
    const list = live(portal).find(
      (l) => l.objectTypeId === type?.objectTypeId && l.name.toLowerCase() === wanted,
    );
    if (!list) throw listNotFound(req.params.listName!);
    return json(200, { list: listView(portal, list) });
  });

  router.get('/crm/v3/lists/:listId', read, (req, portal) =>
    json(200, { list: listView(portal, liveList(req, portal)) }),
  );

  router.delete('/crm/v3/lists/:listId', write, (req, portal) => {
    const list = liveList(req, portal);
    list.deletedAt = portal.now();
    return noContent();
  });

  router.put('/crm/v3/lists/:listId/restore', write, (req, portal) => {
    const list = portal.lists.get(req.params.listId!);
    if (!list?.deletedAt || portal.now() - list.deletedAt > LIST_RESTORE_WINDOW_MS) {
      throw listNotFound(req.params.listId!);
    }
    delete list.deletedAt;
    list.updatedAt = portal.now();
    return noContent();
  });

  router.get('/crm/v3/lists/:listId/memberships', read, (req, portal) =>
    membershipPage(req, portal, (a, b) => Number(a[0]) - Number(b[0])),
  );

  router.get('/crm/v3/lists/:listId/memberships/join-order', read, (req, portal) =>
    membershipPage(req, portal, (a, b) => a[1] - b[1] || Number(a[0]) - Number(b[0])),
  );

  router.put('/crm/v3/lists/:listId/memberships/add', write, (req, portal) => {
    const list = manualList(req, portal);
    const ids = idArray(req);
    const now = portal.now();
    const missing = ids.filter((id) => !isLiveRecord(portal, list, id));
    const added = portal.lists.addMembers(list, [...new Set(ids.filter((id) => !missing.includes(id)))], now);
    if (added.length > 0) touch(list, now);
    return json(200, { recordsIdsAdded: added, recordIdsRemoved: [], recordIdsMissing: missing });
  });

  router.put('/crm/v3/lists/:listId/memberships/remove', write, (req, portal) => {
    const list = manualList(req, portal);
    const ids = [...new Set(idArray(req))];
    const removed = portal.lists.removeMembers(list, ids, portal.now());
    const missing = ids.filter((id) => !removed.includes(id));
    if (removed.length > 0) touch(list, portal.now());
    return json(200, { recordsIdsAdded: [], recordIdsRemoved: removed, recordIdsMissing: missing });
  });

  router.delete('/crm/v3/lists/:listId/memberships', write, (req, portal) => {
    const list = manualList(req, portal);
    portal.lists.removeMembers(list, [...list.members.keys()], portal.now());
    touch(list, portal.now());
    return noContent();
  });
}

const live = (portal: Portal) => portal.lists.all().filter((l) => !l.deletedAt);

// Message: UNVERIFIED (HubSpot answers 404 for an unknown or deleted list).
const listNotFound = (id: string) =>
  fail(404, `List ${id} does not exist.`, 'OBJECT_NOT_FOUND', { context: { listId: [id] } });

function liveList(req: SandboxRequest, portal: Portal): StoredList {
  const list = portal.lists.get(req.params.listId!);
  if (!list || list.deletedAt) throw listNotFound(req.params.listId!);
  return list;
}

/** Only MANUAL and SNAPSHOT lists take memberships by hand; DYNAMIC lists follow their filters. */
function manualList(req: SandboxRequest, portal: Portal): StoredList {
  const list = liveList(req, portal);
  if (list.processingType === 'DYNAMIC') {
    throw validationError(`List ${list.listId} is DYNAMIC; its memberships cannot be changed by hand.`);
  }
  return list;
}

function idArray(req: SandboxRequest): string[] {
  return arrayBody(req).map((id) => {
    if ((typeof id !== 'string' && typeof id !== 'number') || !/^\d+$/.test(String(id))) {
      throw validationError(`Invalid record id ${JSON.stringify(id)}: record ids are numeric strings.`);
    }
    return String(id);
  });
}

function isLiveRecord(portal: Portal, list: StoredList, id: string): boolean {
  const record = portal.records.get(list.objectTypeId, id);
  return Boolean(record && !record.archived);
}

function touch(list: StoredList, now: number): void {
  list.updatedAt = now;
  list.listVersion++;
}

function nonNegative(raw: unknown, fallback: number, name: string): number {
  if (raw === undefined || raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw validationError(`${name} must be a non-negative integer.`);
  return n;
}

/**
 * One page of members. The `after` cursor is a keyset (the last member's sort position), not an offset, so members
 * removed behind the cursor never shift a later page. Archived records have left the list.
 */
function membershipPage(
  req: SandboxRequest,
  portal: Portal,
  order: (a: [string, number], b: [string, number]) => number,
) {
  const list = liveList(req, portal);
  const limit = req.query.int('limit', { fallback: 100, min: 1, max: MAX_MEMBERSHIP_LIMIT });
  const members = [...list.members].filter(([id]) => isLiveRecord(portal, list, id)).sort(order);
  const after = req.query.get('after');
  let start = 0;
  if (after) {
    const cursor = decodeCursor(after);
    start = members.findIndex((m) => order(m, cursor) > 0);
    if (start === -1) start = members.length;
  }
  const page = members.slice(start, start + limit);
  const last = page[page.length - 1];
  return json(200, {
    results: page.map(([recordId, at]) => ({ recordId, membershipTimestamp: iso(at) })),
    total: members.length,
    ...(last && start + limit < members.length
      ? {
          paging: { next: { after: encodeCursor(last), link: `${req.rawPath}?after=${encodeCursor(last)}` } },
        }
      : {}),
  });
}

const encodeCursor = ([id, at]: [string, number]) => Buffer.from(`${at}:${id}`).toString('base64url');

function decodeCursor(after: string): [string, number] {
  const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split(':');
  if (!id || !/^\d+$/.test(id) || !/^\d+$/.test(at ?? '')) {
    throw validationError(`Invalid value '${after}' for query parameter after.`);
  }
  return [id, Number(at)];
}

function listView(portal: Portal, list: StoredList) {
  const size = [...list.members.keys()].filter((id) => isLiveRecord(portal, list, id)).length;
  return {
    listId: list.listId,
    name: list.name,
    objectTypeId: list.objectTypeId,
    processingType: list.processingType,
    processingStatus: 'COMPLETE',
    listVersion: list.listVersion,
    size,
    createdAt: iso(list.createdAt),
    updatedAt: iso(list.updatedAt),
    createdById: list.createdById,
    updatedById: list.createdById,
    ...(list.deletedAt ? { deletedAt: iso(list.deletedAt) } : {}),
  };
}
