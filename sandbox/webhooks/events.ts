import type { HistoryEntry, SandboxRecord } from '../model';
import type { AssociationChange, AssociationStore } from '../state/associations';
import type { PurgeCause, RecordMerge } from '../state/records';
import type { WebhookStore, WebhookSubscription } from '../state/webhooks';
import {
  eventTypesFor,
  isGenericObjectType,
  isPropertyChange,
  LEGACY_EVENT_PREFIXES,
  type WebhookAction,
} from './eventTypes';

/**
 * Turns what happened in the portal into the webhook events HubSpot would send, one per matching active
 * subscription. Shapes: https://developers.hubspot.com/docs/api/webhooks#webhook-payloads
 * Emitted: creation, deletion (archive), restore, propertyChange, associationChange (each side), merge, and
 * contact.privacyDeletion for a GDPR delete. Not emitted: conversation events, event.completed.
 */

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  changeSource: string;
  sourceId?: string;
  /** `object.*` events only. */
  objectTypeId?: string;
  /** What the event says of its object: `objectId`, property, association or merge fields. */
  [field: string]: unknown;
}

/** One thing that happened, before it is matched against subscriptions. */
export interface PortalChange {
  /** The object type whose event types apply. */
  objectTypeId: string;
  action: WebhookAction | 'privacyDeletion';
  occurredAt: number;
  changeSource: string;
  sourceId?: string;
  /** Property changes: matched against the subscription's property. */
  propertyName?: string;
  /** The event's own fields. */
  fields: Record<string, unknown>;
}

/**
 * `changeFlag` of creation and deletion events. HubSpot's v1 signature example
 * (https://developers.hubspot.com/docs/faq/v1-request-validation) shows `"changeFlag":"NEW"` on `contact.creation`;
 * deliveries captured in 2025-2026 (`contact.creation`, `deal.creation`, signed, from HubSpot's webhook sender) carry
 * `"CREATED"`, and `deal.deletion` carries `"DELETED"`. The sandbox sends what HubSpot sends today.
 */
const CHANGE_FLAG = { creation: 'CREATED', deletion: 'DELETED' } as const;

/** The changes between two versions of a record; none for a write that changed nothing. */
export function recordChanges(
  record: SandboxRecord,
  previous: SandboxRecord | undefined,
  now: number,
  purged?: PurgeCause,
): PortalChange[] {
  const base = { objectTypeId: record.objectTypeId, fields: { objectId: Number(record.id) } };
  if (!previous) {
    if (record.archived) return [];
    const fields = { ...base.fields, changeFlag: CHANGE_FLAG.creation };
    return [
      { ...base, fields, action: 'creation', occurredAt: record.createdAt, ...sourceOf(latest(record)) },
    ];
  }
  // A merged-away record is announced by the merge event.
  if (purged === 'merge') return [];
  if (purged === 'gdpr' && record.objectTypeId === '0-1') {
    return [{ ...base, action: 'privacyDeletion', occurredAt: now, changeSource: 'GDPR' }];
  }
  if (record.archived && !previous.archived) {
    const fields = { ...base.fields, changeFlag: CHANGE_FLAG.deletion };
    return [
      { ...base, fields, action: 'deletion', occurredAt: record.archivedAt ?? now, changeSource: 'API' },
    ];
  }
  if (!record.archived && previous.archived) {
    return [{ ...base, action: 'restore', occurredAt: record.updatedAt, ...sourceOf(latest(record)) }];
  }
  if (record.archived) return [];
  const names = new Set([...Object.keys(record.properties), ...Object.keys(previous.properties)]);
  const changes: PortalChange[] = [];
  for (const name of names) {
    if (record.properties[name] === previous.properties[name]) continue;
    const entry = record.history[name]?.at(-1);
    changes.push({
      objectTypeId: record.objectTypeId,
      action: 'propertyChange',
      occurredAt: entry?.timestamp ?? record.updatedAt,
      ...sourceOf(entry),
      propertyName: name,
      fields: {
        objectId: Number(record.id),
        propertyName: name,
        propertyValue: record.properties[name] ?? '',
      },
    });
  }
  return changes;
}

/** One side of an association added or removed. `associationType` reads like `CONTACT_TO_COMPANY`. */
export function associationChange(
  associations: AssociationStore,
  change: AssociationChange,
  now: number,
): PortalChange {
  const from = LEGACY_EVENT_PREFIXES[change.fromObjectTypeId];
  const to = LEGACY_EVENT_PREFIXES[change.toObjectTypeId];
  const def = associations.definition(change.fromObjectTypeId, change.toObjectTypeId, change.typeId);
  return {
    objectTypeId: change.fromObjectTypeId,
    action: 'associationChange',
    occurredAt: now,
    changeSource: 'API',
    fields: {
      ...(from && to ? { associationType: `${from}_TO_${to}`.toUpperCase() } : {}),
      associationTypeId: change.typeId,
      fromObjectId: Number(change.fromId),
      toObjectId: Number(change.toId),
      toObjectTypeId: change.toObjectTypeId,
      associationRemoved: change.removed,
      isPrimaryAssociation: def?.label === 'Primary',
    },
  };
}

export function mergeChange(merge: RecordMerge, now: number): PortalChange {
  return {
    objectTypeId: merge.objectTypeId,
    action: 'merge',
    occurredAt: now,
    changeSource: 'API',
    fields: {
      objectId: Number(merge.primaryId),
      primaryObjectId: Number(merge.primaryId),
      mergedObjectIds: [Number(merge.mergedId)],
      newObjectId: Number(merge.primaryId),
      numberOfPropertiesMoved: merge.propertiesMoved,
    },
  };
}

/** Matches changes against the portal's active subscriptions and numbers the events. */
export function eventsFor(
  webhooks: WebhookStore,
  changes: PortalChange[],
  ids: { portalId: number; nextEventId: () => number },
): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const appId of webhooks.listeningApps()) {
    const subscriptions = webhooks.subscriptionsOf(appId).filter((s) => s.active);
    for (const change of changes) {
      const types = eventTypesFor(change.objectTypeId, change.action);
      for (const s of subscriptions.filter((s) => matches(s, types, change))) {
        events.push({
          eventId: ids.nextEventId(),
          subscriptionId: s.id,
          portalId: ids.portalId,
          appId,
          occurredAt: change.occurredAt,
          subscriptionType: s.eventType,
          attemptNumber: 0,
          changeSource: change.changeSource,
          ...(change.sourceId ? { sourceId: change.sourceId } : {}),
          ...change.fields,
          ...(isGenericObjectType(s.eventType) ? { objectTypeId: change.objectTypeId } : {}),
        });
      }
    }
  }
  return events;
}

function matches(s: WebhookSubscription, types: string[], change: PortalChange): boolean {
  if (!types.includes(s.eventType)) return false;
  if (isGenericObjectType(s.eventType) && s.objectTypeId !== change.objectTypeId) return false;
  return !isPropertyChange(s.eventType) || s.propertyName === change.propertyName;
}

/** The newest history entry of any property: who made the write that created or restored the record. */
function latest(record: SandboxRecord): HistoryEntry | undefined {
  let newest: HistoryEntry | undefined;
  for (const entries of Object.values(record.history)) {
    const last = entries.at(-1);
    if (last && (!newest || last.timestamp > newest.timestamp)) newest = last;
  }
  return newest;
}

function sourceOf(entry: HistoryEntry | undefined): Pick<PortalChange, 'changeSource' | 'sourceId'> {
  return {
    changeSource: entry?.sourceType ?? 'API',
    ...(entry?.sourceId ? { sourceId: entry.sourceId } : {}),
  };
}
