import { MORE_OBJECT_TYPE_SCOPES } from './objectTypes';

/**
 * HubSpot scope names the connector and the sandbox know. https://developers.hubspot.com/docs/api/scopes
 */
export const CRM_SCOPES = [
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'tickets',
  'crm.objects.line_items.read',
  'crm.objects.line_items.write',
  'crm.objects.products.read',
  'crm.objects.products.write',
  'e-commerce',
  'crm.objects.custom.read',
  'crm.objects.custom.write',
  'crm.objects.owners.read',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
  'crm.schemas.custom.read',
  'crm.schemas.custom.write',
  'crm.lists.read',
  'crm.lists.write',
  'sales-email-read',
  // The other CRM v3 types, from their table (`hubspot/objectTypes.ts`).
  ...MORE_OBJECT_TYPE_SCOPES,
] as const;

/**
 * Beyond the CRM: automation (workflows), sequences, subscription preferences, behavioral events, timeline events,
 * transactional e-mail. Each operation names its own in `calls`; the OAuth app asks for them as optional scopes.
 */
export const BEYOND_CRM_SCOPES = [
  'automation',
  'automation.sequences.read',
  'automation.sequences.enrollments.write',
  'communication_preferences.read',
  'communication_preferences.write',
  'behavioral_events.event_definitions.read_write',
  'analytics.behavioral_events.send',
  'timeline',
  'transactional-email',
] as const;

export const OTHER_SCOPES = ['oauth', 'files', 'forms', ...BEYOND_CRM_SCOPES] as const;

export const ALL_SCOPES: readonly string[] = [...CRM_SCOPES, ...OTHER_SCOPES];
