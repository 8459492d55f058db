import type { JournalAction, SubscriptionType } from '../facts/webhooksJournal';
import type { SandboxRecord } from '../model';
import type { JournalEvent, JournalSubscription } from '../state/journal';
import type { MembershipChange } from '../state/lists';
import type { PortalChange } from '../webhooks/events';

/**
 * Turns the portal's changes, as the push side detects them (`../webhooks/events.ts`), into journal events, so push
 * and pull report the same changes. One event per matching subscription and object: a write that changes three
 * subscribed properties gives one UPDATE whose `propertyChanges` holds the three new values.
 * Field names follow the journal files read by HubSpot's own sample CLI (sejal27/sej-webhooks-journal,
 * `JournalEvent {type, portalId, occurredAt, action, objectTypeId, objectId, propertyChanges, associatedObjectId,
 * associatedObjectTypeId, associationType}`); the public guide shows no file content. The push event's `eventId`,
 * `subscriptionId`, `appId`, `changeSource` and `sourceId` are kept beside them.
 */

export type UnnumberedEvent = Omit<JournalEvent, 'eventId'>;

interface Target {
  subscriptionType: SubscriptionType;
  action: JournalAction;
}

/** The journal's subscription type and action for a push-side change. */
export function targetOf(change: PortalChange): Target | undefined {
  switch (change.action) {
    case 'creation':
      return { subscriptionType: 'OBJECT', action: 'CREATE' };
    case 'propertyChange':
      return { subscriptionType: 'OBJECT', action: 'UPDATE' };
    case 'deletion':
      return { subscriptionType: 'OBJECT', action: 'DELETE' };
    case 'restore':
      return { subscriptionType: 'OBJECT', action: 'RESTORE' };
    case 'merge':
      return { subscriptionType: 'OBJECT', action: 'MERGE' };
    case 'associationChange':
      return {
        subscriptionType: 'ASSOCIATION',
        action: change.fields.associationRemoved ? 'ASSOCIATION_REMOVED' : 'ASSOCIATION_ADDED',
      };
    case 'privacyDeletion':
      return { subscriptionType: 'GDPR_PRIVACY_DELETION', action: 'GDPR_DELETE' };
    default:
      return undefined;
  }
}

/**
 * The events one write gives one subscription. `record` is the record after the write (CREATE reports its
 * properties), absent for association and merge changes.
 */
export function journalEvents(
  subscription: JournalSubscription,
  changes: PortalChange[],
  record?: SandboxRecord,
): UnnumberedEvent[] {
  const matching = changes.filter((c) => matches(subscription, c));
  const updates = matching.filter((c) => c.action === 'propertyChange');
  const events = matching
    .filter((c) => c.action !== 'propertyChange')
    .map((c) => eventOf(subscription, c, record));
  if (updates.length > 0) events.push(updateEvent(subscription, updates));
  return events;
}

function matches(s: JournalSubscription, change: PortalChange): boolean {
  const target = targetOf(change);
  if (!target || target.subscriptionType !== s.subscriptionType || !s.actions.includes(target.action))
    return false;
  if (s.objectTypeId !== change.objectTypeId) return false;
  const objectId = Number(change.fields.objectId ?? change.fields.fromObjectId);
  if (s.objectIds.length > 0 && !s.objectIds.includes(objectId)) return false;
  if (change.action === 'associationChange' && s.associatedObjectTypeIds.length > 0)
    return s.associatedObjectTypeIds.includes(String(change.fields.toObjectTypeId));
  if (change.action === 'propertyChange' && s.properties.length > 0)
    return s.properties.includes(change.propertyName ?? '');
  return true;
}

function base(s: JournalSubscription, change: PortalChange, action: JournalAction) {
  return {
    subscriptionId: s.id,
    appId: s.appId,
    portalId: s.portalId,
    type: s.subscriptionType,
    action,
    objectTypeId: change.objectTypeId,
    occurredAt: new Date(change.occurredAt).toISOString(),
    changeSource: change.changeSource,
    ...(change.sourceId ? { sourceId: change.sourceId } : {}),
  };
}

function eventOf(s: JournalSubscription, change: PortalChange, record?: SandboxRecord): UnnumberedEvent {
  const action = targetOf(change)!.action;
  const f = change.fields;
  if (change.action === 'associationChange') {
    return {
      ...base(s, change, action),
      objectId: f.fromObjectId,
      associatedObjectTypeId: f.toObjectTypeId,
      associatedObjectId: f.toObjectId,
      associationTypeId: f.associationTypeId,
      ...(f.associationType ? { associationType: f.associationType } : {}),
      isPrimaryAssociation: f.isPrimaryAssociation,
    };
  }
  if (change.action === 'merge') {
    const { objectId, primaryObjectId, mergedObjectIds, newObjectId, numberOfPropertiesMoved } = f;
    return {
      ...base(s, change, action),
      objectId,
      primaryObjectId,
      mergedObjectIds,
      newObjectId,
      numberOfPropertiesMoved,
    };
  }
  const created = change.action === 'creation' && record ? { propertyChanges: createdValues(s, record) } : {};
  return { ...base(s, change, action), objectId: f.objectId, ...created };
}

/** One UPDATE for the write: every subscribed property it changed, with its new value. */
function updateEvent(s: JournalSubscription, updates: PortalChange[]): UnnumberedEvent {
  const latest = updates.reduce((a, b) => (b.occurredAt > a.occurredAt ? b : a));
  const propertyChanges: Record<string, unknown> = {};
  for (const u of updates) propertyChanges[u.propertyName!] = u.fields.propertyValue;
  return { ...base(s, latest, 'UPDATE'), objectId: latest.fields.objectId, propertyChanges };
}

/** A CREATE reports the subscribed properties the record was created with (every set property when none listed). */
function createdValues(s: JournalSubscription, record: SandboxRecord): Record<string, string> {
  const names = s.properties.length > 0 ? s.properties : Object.keys(record.properties);
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = record.properties[name];
    if (value !== undefined && value !== null && value !== '') values[name] = value;
  }
  return values;
}

/**
 * `LIST_MEMBERSHIP` events: a subscription's `listIds` (every list when empty) and optional `objectTypeId` (the
 * lists' object type) choose the lists; its actions `ADDED_TO_LIST` / `REMOVED_FROM_LIST` the direction. The 2026-03
 * reference names the type, the actions and `listIds`
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/subscriptions/create-subscription),
 * not the event in the file: its fields here are UNVERIFIED, built like the OBJECT events (`objectTypeId`,
 * `objectId` of the member record) plus `listId`.
 */
export function listMembershipEvents(
  s: JournalSubscription,
  changes: readonly MembershipChange[],
): UnnumberedEvent[] {
  if (s.subscriptionType !== 'LIST_MEMBERSHIP') return [];
  return changes
    .filter((c) => s.actions.includes(c.added ? 'ADDED_TO_LIST' : 'REMOVED_FROM_LIST'))
    .filter((c) => s.listIds.length === 0 || s.listIds.includes(Number(c.list.listId)))
    .filter((c) => !s.objectTypeId || s.objectTypeId === c.list.objectTypeId)
    .map((c) => ({
      subscriptionId: s.id,
      appId: s.appId,
      portalId: s.portalId,
      type: s.subscriptionType,
      action: c.added ? 'ADDED_TO_LIST' : 'REMOVED_FROM_LIST',
      objectTypeId: c.list.objectTypeId,
      objectId: Number(c.recordId),
      listId: Number(c.list.listId),
      occurredAt: new Date(c.at).toISOString(),
    }));
}
