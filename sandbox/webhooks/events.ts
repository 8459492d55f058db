import type { HistoryEntry, SandboxRecord } from '../model';
import type { WebhookStore, WebhookSubscription } from '../state/webhooks';
import { eventTypesFor, isGenericObjectType, isPropertyChange, type WebhookAction } from './eventTypes';

/**
 * Turns one change of a record into the webhook events HubSpot would send for it, one per matching active
 * subscription. Shape: https://developers.hubspot.com/docs/api/webhooks#webhook-payloads
 * Emitted: creation, deletion (archive, and the removal of a merged-away or GDPR-deleted record), restore, and
 * propertyChange; merge and associationChange events are not emitted by the sandbox.
 */

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  changeSource: string;
  propertyName?: string;
  propertyValue?: string;
  sourceId?: string;
  /** `object.*` events only. */
  objectTypeId?: string;
}

/** What happened to the record, before it is matched against subscriptions. */
export interface RecordChange {
  action: WebhookAction;
  occurredAt: number;
  changeSource: string;
  sourceId?: string;
  propertyName?: string;
  propertyValue?: string;
}

/** The changes between two versions of a record; none for a write that changed nothing. */
export function recordChanges(
  record: SandboxRecord,
  previous: SandboxRecord | undefined,
  now: number,
): RecordChange[] {
  if (!previous) {
    return record.archived
      ? []
      : [{ action: 'creation', occurredAt: record.createdAt, ...sourceOf(latest(record)) }];
  }
  if (record.archived && !previous.archived) {
    return [{ action: 'deletion', occurredAt: record.archivedAt ?? now, changeSource: 'API' }];
  }
  if (!record.archived && previous.archived) {
    return [{ action: 'restore', occurredAt: record.updatedAt, ...sourceOf(latest(record)) }];
  }
  if (record.archived) return [];
  const names = new Set([...Object.keys(record.properties), ...Object.keys(previous.properties)]);
  const changes: RecordChange[] = [];
  for (const name of names) {
    if (record.properties[name] === previous.properties[name]) continue;
    const entry = record.history[name]?.at(-1);
    changes.push({
      action: 'propertyChange',
      occurredAt: entry?.timestamp ?? record.updatedAt,
      ...sourceOf(entry),
      propertyName: name,
      propertyValue: record.properties[name] ?? '',
    });
  }
  return changes;
}

/** Matches changes against the portal's active subscriptions and numbers the events. */
export function eventsFor(
  webhooks: WebhookStore,
  record: SandboxRecord,
  changes: RecordChange[],
  ids: { portalId: number; nextEventId: () => number },
): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const appId of webhooks.listeningApps()) {
    const subscriptions = webhooks.subscriptionsOf(appId).filter((s) => s.active);
    for (const change of changes) {
      const types = eventTypesFor(record.objectTypeId, change.action);
      for (const s of subscriptions.filter((s) => matches(s, types, record.objectTypeId, change))) {
        events.push({
          eventId: ids.nextEventId(),
          subscriptionId: s.id,
          portalId: ids.portalId,
          appId,
          occurredAt: change.occurredAt,
          subscriptionType: s.eventType,
          attemptNumber: 0,
          objectId: Number(record.id),
          changeSource: change.changeSource,
          ...(change.sourceId ? { sourceId: change.sourceId } : {}),
          ...(change.propertyName
            ? { propertyName: change.propertyName, propertyValue: change.propertyValue }
            : {}),
          ...(isGenericObjectType(s.eventType) ? { objectTypeId: record.objectTypeId } : {}),
        });
      }
    }
  }
  return events;
}

function matches(
  s: WebhookSubscription,
  types: string[],
  objectTypeId: string,
  change: RecordChange,
): boolean {
  if (!types.includes(s.eventType)) return false;
  if (isGenericObjectType(s.eventType) && s.objectTypeId !== objectTypeId) return false;
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

function sourceOf(entry: HistoryEntry | undefined): Pick<RecordChange, 'changeSource' | 'sourceId'> {
  return {
    changeSource: entry?.sourceType ?? 'API',
    ...(entry?.sourceId ? { sourceId: entry.sourceId } : {}),
  };
}
