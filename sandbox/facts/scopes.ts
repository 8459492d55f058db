/**
 * The scopes the sandbox grants and checks, by HubSpot's names: https://developers.hubspot.com/docs/api/scopes
 * An authorize request naming any other scope is refused, as HubSpot refuses unknown scopes.
 */
const objectScopes = (objects: string[]) =>
  objects.flatMap((o) => [`crm.objects.${o}.read`, `crm.objects.${o}.write`]);

export const ALL_SCOPES: readonly string[] = [
  ...objectScopes(['contacts', 'companies', 'deals']),
  'tickets',
  ...objectScopes(['line_items', 'products']),
  'e-commerce',
  ...objectScopes(['custom']),
  'crm.objects.owners.read',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
  'crm.schemas.custom.read',
  'crm.schemas.custom.write',
  'crm.lists.read',
  'crm.lists.write',
  'sales-email-read',
  ...objectScopes(['quotes', 'leads', 'orders', 'carts', 'invoices']),
  // Feedback submissions are read only: https://developers.hubspot.com/docs/api/crm/feedback-submissions
  'crm.objects.feedback_submissions.read',
  ...objectScopes(['appointments', 'courses', 'listings', 'services']),
  // https://developers.hubspot.com/docs/api-reference/latest/crm/objects/users/guide,
  // .../commerce-payments/guide, .../commerce-subscriptions/guide; goal targets are read only (.../goals/guide).
  ...objectScopes(['users', 'commercepayments', 'subscriptions']),
  'crm.objects.goals.read',
  // Projects: https://developers.hubspot.com/docs/guides/account/projects/guide (discounts, fees and taxes take the
  // line-item scopes above).
  ...objectScopes(['projects']),
  'oauth',
  'files',
  'forms',
  'automation',
  // Sequences: https://developers.hubspot.com/docs/api-reference/2026-09-beta/automation/sequences/guide
  'automation.sequences.read',
  'automation.sequences.enrollments.write',
  // Subscription preferences v4: https://developers.hubspot.com/docs/api-reference/legacy/communication-preferences/guide
  'communication_preferences.read',
  'communication_preferences.write',
  // Custom events: https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide
  'behavioral_events.event_definitions.read_write',
  'analytics.behavioral_events.send',
  // Timeline events: https://developers.hubspot.com/docs/api/crm/timeline
  'timeline',
  // https://developers.hubspot.com/docs/api-reference/latest/marketing/transactional-emails/create-transactional-email
  'transactional-email',
];
