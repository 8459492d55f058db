/**
 * The event types of HubSpot's app webhooks v3, one table: which objects have their own `<object>.<action>` types
 * and which actions exist. Everything else (custom objects and newer types) uses `object.<action>` with an
 * `objectTypeId`. https://developers.hubspot.com/docs/api/webhooks#webhook-subscriptions
 */

export const WEBHOOK_ACTIONS = [
  'creation',
  'deletion',
  'propertyChange',
  'associationChange',
  'merge',
  'restore',
] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];

/** The standard objects with their own event-type prefix, by objectTypeId. */
export const LEGACY_EVENT_PREFIXES: Readonly<Record<string, string>> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
  '0-7': 'product',
  '0-8': 'line_item',
};

const CONVERSATION_TYPES = [
  'conversation.creation',
  'conversation.deletion',
  'conversation.privacyDeletion',
  'conversation.propertyChange',
  'conversation.newMessage',
];

/** Every event type a subscription may name (products have no `associationChange`). */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...Object.values(LEGACY_EVENT_PREFIXES).flatMap((prefix) =>
    WEBHOOK_ACTIONS.filter((a) => !(prefix === 'product' && a === 'associationChange')).map(
      (action) => `${prefix}.${action}`,
    ),
  ),
  'contact.privacyDeletion',
  ...CONVERSATION_TYPES,
  ...WEBHOOK_ACTIONS.map((action) => `object.${action}`),
  'event.completed',
];

/** The event types one change of a record of this type answers to: its own prefix's, if any, and `object.*`. */
export function eventTypesFor(objectTypeId: string, action: WebhookAction | 'privacyDeletion'): string[] {
  if (action === 'privacyDeletion') return objectTypeId === '0-1' ? ['contact.privacyDeletion'] : [];
  const prefix = LEGACY_EVENT_PREFIXES[objectTypeId];
  return [...(prefix ? [`${prefix}.${action}`] : []), `object.${action}`];
}

export const isPropertyChange = (eventType: string) => eventType.endsWith('.propertyChange');
export const isGenericObjectType = (eventType: string) => eventType.startsWith('object.');
