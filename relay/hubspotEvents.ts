import { findStandardObjectType } from '../hubspot/objectTypes';
import { RELAY_EVENTS, type RelayEvent, type RelayEventKind } from './contract';

/**
 * HubSpot's events, as webhooks v3 pushes them and as the journal files hold them, turned into the relay's one
 * `RelayEvent` shape. Anything the relay does not relay (conversations, privacy deletions, list membership) is
 * dropped here, by returning nothing.
 */

/**
 * The object prefixes of webhooks v3 event types (`contact.creation` …); every other type is `object.*` with an
 * `objectTypeId`. https://developers.hubspot.com/docs/api/webhooks (event types table). `product.*` has no
 * `associationChange` type.
 */
export const LEGACY_EVENT_OBJECTS = ['contact', 'company', 'deal', 'ticket', 'product', 'line_item'] as const;

/** `contact` → `0-1`, `line_item` → `0-8`, from the core's table of standard types. */
export function legacyObjectTypeId(prefix: string): string | undefined {
  return (findStandardObjectType(prefix) ?? findStandardObjectType(`${prefix}s`))?.objectTypeId;
}

/** The v3 event type the relay subscribes the app to, for one object type and kind. */
export function webhookEventType(objectTypeId: string, kind: RelayEventKind): string {
  const prefix = LEGACY_EVENT_OBJECTS.find((p) => legacyObjectTypeId(p) === objectTypeId);
  if (!prefix || (prefix === 'product' && kind === 'associationChange')) return `object.${kind}`;
  return `${prefix}.${kind}`;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

const isKind = (v: string): v is RelayEventKind => (RELAY_EVENTS as readonly string[]).includes(v);

/** The object type id of the other side of an association: given, or read from `CONTACT_TO_COMPANY`. */
function associatedTypeId(raw: Record<string, unknown>): string | undefined {
  const given = text(raw.toObjectTypeId);
  if (given) return given;
  const to = /_TO_(.+)$/.exec(text(raw.associationType) ?? '')?.[1];
  return to ? legacyObjectTypeId(to.toLowerCase()) : undefined;
}

/**
 * One event of a webhooks v3 delivery (https://developers.hubspot.com/docs/api/webhooks#webhook-payloads):
 * `subscriptionType` `<object>.<action>` or `object.<action>` with `objectTypeId`.
 */
export function fromWebhookEvent(raw: Record<string, unknown>): RelayEvent | undefined {
  const type = text(raw.subscriptionType) ?? text(raw.eventType) ?? '';
  const [prefix = '', action = ''] = type.split('.');
  // Webhooks v3 has no list membership type (event types table of the webhooks guide): those come from the journal.
  if (!isKind(action) || action === 'listMembership') return undefined;
  const objectTypeId = prefix === 'object' ? text(raw.objectTypeId) : legacyObjectTypeId(prefix);
  const eventId = text(raw.eventId);
  const portalId = Number(raw.portalId);
  const objectId = text(raw.objectId) ?? text(raw.fromObjectId);
  if (!objectTypeId || !eventId || !Number.isSafeInteger(portalId) || !objectId) return undefined;
  return withDetails(
    {
      eventId,
      occurredAt: Number(raw.occurredAt) || 0,
      portalId,
      objectTypeId,
      objectId,
      event: action,
    },
    raw,
  );
}

/** The optional parts, shared by both ways in. */
function withDetails(event: RelayEvent, raw: Record<string, unknown>): RelayEvent {
  const out: RelayEvent = { ...event };
  const propertyName = text(raw.propertyName);
  if (propertyName !== undefined) out.propertyName = propertyName;
  const propertyValue = text(raw.propertyValue);
  if (propertyValue !== undefined) out.propertyValue = propertyValue;
  const changeSource = text(raw.changeSource);
  if (changeSource !== undefined) out.changeSource = changeSource;
  if (event.event === 'merge') {
    const primary = text(raw.primaryObjectId);
    if (primary !== undefined) out.primaryObjectId = primary;
    if (Array.isArray(raw.mergedObjectIds)) out.mergedObjectIds = raw.mergedObjectIds.map(String);
  }
  if (event.event === 'associationChange') {
    const toObjectId = text(raw.toObjectId);
    const toObjectTypeId = associatedTypeId(raw);
    if (toObjectId && toObjectTypeId) {
      const typeId = Number(raw.associationTypeId);
      const category = text(raw.associationCategory);
      out.association = {
        toObjectTypeId,
        toObjectId,
        ...(Number.isInteger(typeId) ? { associationTypeId: typeId } : {}),
        ...(category ? { associationCategory: category } : {}),
        removed: raw.associationRemoved === true,
      };
    }
  }
  return out;
}

/** Journal actions (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/subscriptions/guide). */
const JOURNAL_ACTIONS: Readonly<Record<string, RelayEventKind>> = {
  CREATE: 'creation',
  UPDATE: 'propertyChange',
  DELETE: 'deletion',
  RESTORE: 'restore',
  MERGE: 'merge',
  ASSOCIATION_ADDED: 'associationChange',
  ASSOCIATION_REMOVED: 'associationChange',
  ADDED_TO_LIST: 'listMembership',
  REMOVED_FROM_LIST: 'listMembership',
};

/**
 * The journal subscription type that carries a relay event kind: association changes have their own type
 * (`ASSOCIATION`, actions `ASSOCIATION_ADDED`/`ASSOCIATION_REMOVED`), every other kind is an `OBJECT` action; one
 * subscription per portal, type and object type
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide, subscription types).
 */
export type JournalSubscriptionType = 'OBJECT' | 'ASSOCIATION' | 'LIST_MEMBERSHIP';

export function journalSubscriptionType(kind: RelayEventKind): JournalSubscriptionType {
  if (kind === 'listMembership') return 'LIST_MEMBERSHIP';
  return kind === 'associationChange' ? 'ASSOCIATION' : 'OBJECT';
}

/** The journal action that yields each relay event kind, for the install-specific journal subscription. */
export function journalActions(kind: RelayEventKind): string[] {
  return Object.entries(JOURNAL_ACTIONS)
    .filter(([, k]) => k === kind)
    .map(([action]) => action);
}

const time = (v: unknown): number => {
  if (typeof v === 'number') return v;
  const parsed = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
};

/**
 * The events of one journal file (the JSON behind an entry's pre-signed `url`). HubSpot's reference documents the
 * entry (`currentOffset`, `url`, `expiresAt`) but not the file
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide). The shape read
 * first is the one HubSpot's own sample reader parses (github.com/sejal27/sej-webhooks-journal, as the sandbox
 * serves it): `{offset, portalId, publishedAt, journalEvents: [{eventId, portalId, objectTypeId, objectId, action,
 * occurredAt (ISO), propertyChanges: {name: value}, associatedObjectTypeId, associatedObjectId, …}]}`. Still
 * UNVERIFIED against a live file, so the reading stays lenient: an array of events, or one under `events` /
 * `results`; `id` for `eventId`, `properties` / `changes` for `propertyChanges`, `toObject*` for `associatedObject*`.
 * An `UPDATE` naming several properties gives one property change per property, each with its own id
 * (`<eventId>:<property>`).
 */
export function fromJournalFile(file: unknown): RelayEvent[] {
  const list = Array.isArray(file)
    ? file
    : ((file as { journalEvents?: unknown } | null)?.journalEvents ??
      (file as { events?: unknown } | null)?.events ??
      (file as { results?: unknown } | null)?.results);
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => fromJournalEvent((raw ?? {}) as Record<string, unknown>));
}

function fromJournalEvent(raw: Record<string, unknown>): RelayEvent[] {
  const kind = JOURNAL_ACTIONS[text(raw.action) ?? text(raw.actionType) ?? ''];
  const eventId = text(raw.eventId) ?? text(raw.id);
  const portalId = Number(raw.portalId);
  const objectTypeId = text(raw.objectTypeId);
  const objectId = text(raw.objectId) ?? text(raw.fromObjectId);
  if (!kind || !eventId || !Number.isSafeInteger(portalId) || !objectTypeId || !objectId) return [];
  const base: RelayEvent = {
    eventId,
    occurredAt: time(raw.occurredAt),
    portalId,
    objectTypeId,
    objectId,
    event: kind,
  };
  if (kind === 'listMembership') {
    // UNVERIFIED: HubSpot documents the LIST_MEMBERSHIP type and its actions, not the event's fields; `listId`
    // (or `listIds`' one entry) is read as the sandbox writes it, the member as `objectId` like every journal event.
    const listId = text(raw.listId) ?? (Array.isArray(raw.listIds) ? text(raw.listIds[0]) : undefined);
    if (!listId) return [];
    return [{ ...base, list: { listId, removed: text(raw.action) === 'REMOVED_FROM_LIST' } }];
  }
  if (kind === 'associationChange') {
    return [
      withDetails(base, {
        ...raw,
        toObjectTypeId: raw.associatedObjectTypeId ?? raw.toObjectTypeId,
        toObjectId: raw.associatedObjectId ?? raw.toObjectId,
        associationRemoved: text(raw.action) === 'ASSOCIATION_REMOVED',
      }),
    ];
  }
  const changes = (raw.propertyChanges ?? raw.properties ?? raw.changes) as
    | Record<string, unknown>
    | undefined;
  if (kind === 'propertyChange' && changes && typeof changes === 'object' && !Array.isArray(changes)) {
    return Object.entries(changes).map(([name, value]) =>
      withDetails(
        { ...base, eventId: `${eventId}:${name}` },
        { ...raw, propertyName: name, propertyValue: value },
      ),
    );
  }
  return [withDetails(base, raw)];
}
