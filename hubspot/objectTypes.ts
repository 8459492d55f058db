/**
 * HubSpot's standard CRM object types, one row each: path name, objectTypeId, labels, scopes, and the properties
 * search's `query` looks in and a read returns by default.
 * Sources: every objectTypeId below is the one in the table of objects and their objectTypeIds in HubSpot's guide
 * "Using the object APIs", https://developers.hubspot.com/docs/guides/crm/using-object-apis (the guide also warns that
 * some objects have limited API functionality, and that appointments, courses, listings and services must be
 * activated in the account first); https://developers.hubspot.com/docs/api/crm/search (query and default
 * properties); per-operation scopes in https://developers.hubspot.com/docs/api/scopes.
 * Left out on purpose: marketing events (0-54) have their own API (/marketing/v3/marketing-events), not the CRM
 * objects endpoints this table feeds.
 */

export interface ObjectTypeDef {
  /** Path name, as in `/crm/v3/objects/{name}`. */
  name: string;
  objectTypeId: string;
  singular: string;
  plural: string;
  primaryDisplayProperty: string;
  /** Any one of these grants read. */
  readScopes: readonly string[];
  /** Any one of these grants write. */
  writeScopes: readonly string[];
  /** Properties searched by `query`. */
  queryProperties: readonly string[];
  /** Properties a read returns when `properties` is not given. */
  defaultProperties: readonly string[];
  /** The property holding the last modification time. */
  lastModifiedProperty: string;
  /** The property holding the creation time. */
  createdProperty: string;
  /** Search's `associations.{type}` pseudo-property name for this object (`contact`, `company`, ...). */
  associationSearchName?: string;
  engagement: boolean;
  custom: boolean;
  /**
   * What the HubSpot account needs before the API serves this type (a paid tier, a feature set up), in words for field
   * help and error messages; absent when every account has it.
   */
  availability?: string;
  /** The API reads this type but offers no create, update or archive (feedback submissions, goal targets). */
  readOnly?: boolean;
  /** The API reads and updates existing records but creates and archives none (users: people join an account through
   * user provisioning, not the CRM objects API). */
  updateOnly?: boolean;
}

const engagementDefaults = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];

function engagement(
  name: string,
  objectTypeId: string,
  singular: string,
  plural: string,
  primaryDisplayProperty: string,
  queryProperties: string[],
): ObjectTypeDef {
  return {
    name,
    objectTypeId,
    singular,
    plural,
    primaryDisplayProperty,
    readScopes: ['crm.objects.contacts.read'],
    writeScopes: ['crm.objects.contacts.write'],
    queryProperties,
    defaultProperties: engagementDefaults,
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'hs_createdate',
    engagement: true,
    custom: false,
  };
}

/** The core CRM: contacts, companies, deals, tickets, products, line items and the five engagements. */
const CORE_OBJECT_TYPES: readonly ObjectTypeDef[] = [
  {
    name: 'contacts',
    objectTypeId: '0-1',
    singular: 'Contact',
    plural: 'Contacts',
    primaryDisplayProperty: 'email',
    readScopes: ['crm.objects.contacts.read'],
    writeScopes: ['crm.objects.contacts.write'],
    queryProperties: [
      'firstname',
      'lastname',
      'email',
      'phone',
      'hs_additional_emails',
      'fax',
      'mobilephone',
      'company',
      'hs_marketable_until_renewal',
    ],
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    lastModifiedProperty: 'lastmodifieddate',
    createdProperty: 'createdate',
    associationSearchName: 'contact',
    engagement: false,
    custom: false,
  },
  {
    name: 'companies',
    objectTypeId: '0-2',
    singular: 'Company',
    plural: 'Companies',
    primaryDisplayProperty: 'name',
    readScopes: ['crm.objects.companies.read'],
    writeScopes: ['crm.objects.companies.write'],
    queryProperties: ['website', 'phone', 'name', 'domain'],
    defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'createdate',
    associationSearchName: 'company',
    engagement: false,
    custom: false,
  },
  {
    name: 'deals',
    objectTypeId: '0-3',
    singular: 'Deal',
    plural: 'Deals',
    primaryDisplayProperty: 'dealname',
    readScopes: ['crm.objects.deals.read'],
    writeScopes: ['crm.objects.deals.write'],
    queryProperties: ['dealname', 'pipeline', 'dealstage', 'description', 'dealtype'],
    defaultProperties: [
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ],
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'createdate',
    associationSearchName: 'deal',
    engagement: false,
    custom: false,
  },
  {
    name: 'tickets',
    objectTypeId: '0-5',
    singular: 'Ticket',
    plural: 'Tickets',
    primaryDisplayProperty: 'subject',
    readScopes: ['tickets'],
    writeScopes: ['tickets'],
    queryProperties: ['subject', 'content', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_id'],
    defaultProperties: [
      'content',
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'hs_pipeline',
      'hs_pipeline_stage',
      'hs_ticket_category',
      'hs_ticket_priority',
      'subject',
    ],
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'createdate',
    associationSearchName: 'ticket',
    engagement: false,
    custom: false,
  },
  {
    name: 'products',
    objectTypeId: '0-7',
    singular: 'Product',
    plural: 'Products',
    primaryDisplayProperty: 'name',
    readScopes: ['crm.objects.products.read', 'e-commerce'],
    writeScopes: ['crm.objects.products.write', 'e-commerce'],
    queryProperties: ['name', 'description', 'hs_sku'],
    defaultProperties: ['createdate', 'description', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'price'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'createdate',
    engagement: false,
    custom: false,
  },
  {
    name: 'line_items',
    objectTypeId: '0-8',
    singular: 'Line item',
    plural: 'Line items',
    primaryDisplayProperty: 'name',
    readScopes: ['crm.objects.line_items.read', 'e-commerce'],
    writeScopes: ['crm.objects.line_items.write', 'e-commerce'],
    queryProperties: ['name', 'description', 'hs_sku'],
    defaultProperties: [
      'amount',
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'name',
      'price',
      'quantity',
    ],
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'createdate',
    engagement: false,
    custom: false,
  },
  engagement('notes', '0-46', 'Note', 'Notes', 'hs_note_body', ['hs_note_body']),
  engagement('tasks', '0-27', 'Task', 'Tasks', 'hs_task_subject', ['hs_task_body', 'hs_task_subject']),
  engagement('calls', '0-48', 'Call', 'Calls', 'hs_call_title', ['hs_call_title', 'hs_call_body']),
  engagement('meetings', '0-47', 'Meeting', 'Meetings', 'hs_meeting_title', [
    'hs_meeting_title',
    'hs_meeting_body',
  ]),
  {
    ...engagement('emails', '0-49', 'Email', 'Emails', 'hs_email_subject', [
      'hs_email_subject',
      'hs_email_text',
    ]),
    readScopes: ['crm.objects.contacts.read', 'sales-email-read'],
  },
];

/**
 * Types outside the core CRM (sales, commerce, communications, the object library): HubSpot returns only
 * `hs_createdate`, `hs_lastmodifieddate` and `hs_object_id` when no properties are asked for (the example answers in
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/orders/guide and .../carts/guide), and their
 * own scopes are `crm.objects.{name}.read|write` (https://developers.hubspot.com/docs/api/scopes).
 */
function recordType(
  name: string,
  objectTypeId: string,
  singular: string,
  plural: string,
  primaryDisplayProperty: string,
  extra: Partial<ObjectTypeDef> = {},
): ObjectTypeDef {
  return {
    name,
    objectTypeId,
    singular,
    plural,
    primaryDisplayProperty,
    readScopes: [`crm.objects.${name}.read`],
    writeScopes: [`crm.objects.${name}.write`],
    queryProperties: [primaryDisplayProperty],
    defaultProperties: engagementDefaults,
    lastModifiedProperty: 'hs_lastmodifieddate',
    createdProperty: 'hs_createdate',
    engagement: false,
    custom: false,
    ...extra,
  };
}

/** Object-library types stay off until an admin turns them on: https://knowledge.hubspot.com/object-settings/use-the-object-library */
const OBJECT_LIBRARY = 'turned on in the account’s object library (Settings › Objects)';

/**
 * Users, goal targets, commerce payments and commerce subscriptions.
 * - Users: "read or update" working hours, time zone, phone and job title; people are added to an account through the
 *   user provisioning API, not here. Scopes `crm.objects.users.read|write`.
 *   https://developers.hubspot.com/docs/api-reference/latest/crm/objects/users/guide (id 0-115:
 *   https://developers.hubspot.com/docs/guides/crm/using-object-apis)
 * - Goal targets: the API "allow[s] you to retrieve goals data" (list, read, search); scope `crm.objects.goals.read`.
 *   Id 0-74 in the object table of https://developers.hubspot.com/docs/api-reference/latest/crm/objects/goals/guide
 *   and its object-definition page.
 * - Commerce payments: created with `hs_initial_amount` and `hs_initiated_date`; scopes
 *   `crm.objects.commercepayments.read|write`; the account must collect payments through HubSpot payments or Stripe.
 *   https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-payments/guide
 * - Commerce subscriptions (path `subscriptions`, not the e-mail subscription preferences): scopes
 *   `crm.objects.subscriptions.read|write`, same payment prerequisite.
 *   https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-subscriptions/guide
 * Ids 0-101 (payments) and 0-69 (subscriptions): the objectTypeId table of
 * https://developers.hubspot.com/docs/guides/crm/using-object-apis
 */
const PAYMENTS = 'HubSpot payments or Stripe payment processing set up in the account (Commerce Hub)';
const ACCOUNT_AND_PAYMENT_TYPES: readonly ObjectTypeDef[] = [
  recordType('users', '0-115', 'User', 'Users', 'hs_email', {
    writeScopes: ['crm.objects.users.write'],
    updateOnly: true,
  }),
  recordType('goal_targets', '0-74', 'Goal target', 'Goal targets', 'hs_goal_name', {
    readScopes: ['crm.objects.goals.read'],
    writeScopes: [],
    readOnly: true,
  }),
  recordType('commerce_payments', '0-101', 'Payment', 'Payments', 'hs_initial_amount', {
    readScopes: ['crm.objects.commercepayments.read'],
    writeScopes: ['crm.objects.commercepayments.write'],
    availability: PAYMENTS,
  }),
  recordType('subscriptions', '0-69', 'Subscription', 'Subscriptions', 'hs_name', { availability: PAYMENTS }),
];

/**
 * Discounts, fees and taxes: the pricing parts of quotes and invoices (discounts apply first, then fees, then taxes).
 * Ids 0-84, 0-85, 0-86 from the objectTypeId table of https://developers.hubspot.com/docs/guides/crm/using-object-apis.
 * Their guides' "Scope requirements" and the endpoints' security list only the line-item scopes
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/discounts/guide, .../fees/guide,
 * .../taxes/guide); `e-commerce`, which also opens products and line items, is named on none of these pages, so it is
 * not listed. Discounts and fees are created with `hs_label` (the label HubSpot displays, hence the primary display
 * property for all three: our choice, the guides name none), `hs_type` (PERCENT or FIXED) and `hs_value`. A read
 * without `properties` answers the three record properties, as for the other types here (our choice).
 */
const pricing = (name: string, objectTypeId: string, singular: string, plural: string): ObjectTypeDef =>
  recordType(name, objectTypeId, singular, plural, 'hs_label', {
    readScopes: ['crm.objects.line_items.read'],
    writeScopes: ['crm.objects.line_items.write'],
  });

const PRICING_TYPES: readonly ObjectTypeDef[] = [
  pricing('discounts', '0-84', 'Discount', 'Discounts'),
  pricing('fees', '0-85', 'Fee', 'Fees'),
  pricing('taxes', '0-86', 'Tax', 'Taxes'),
];

/**
 * Projects (0-970): created, read, updated and archived at /crm/v3/objects/projects with
 * `crm.objects.projects.read|write` (https://developers.hubspot.com/docs/guides/account/projects/guide, "Scope
 * requirements"; not developer projects). Primary display `hs_name` is our choice: the guide names none.
 */
const PROJECTS = recordType('projects', '0-970', 'Project', 'Projects', 'hs_name');

/**
 * The other types CRM v3 serves. Ids: https://developers.hubspot.com/docs/guides/crm/using-object-apis; tiers: the
 * "Supported products" box of each type's guide (quotes https://developers.hubspot.com/docs/api-reference/latest/crm/objects/quotes/guide,
 * leads https://developers.hubspot.com/docs/api/crm/leads, feedback submissions
 * https://developers.hubspot.com/docs/api/crm/feedback-submissions, invoices https://developers.hubspot.com/docs/api/crm/invoices).
 * Communications and postal mail are activities: read and written with the contacts scopes, like notes.
 */
const MORE_OBJECT_TYPES: readonly ObjectTypeDef[] = [
  recordType('quotes', '0-14', 'Quote', 'Quotes', 'hs_title', {
    availability: 'Commerce Hub Professional or Enterprise (or Sales Hub with legacy quotes)',
  }),
  recordType('leads', '0-136', 'Lead', 'Leads', 'hs_lead_name', {
    availability: 'Sales Hub Professional or Enterprise, with leads set up in the account',
  }),
  recordType('orders', '0-123', 'Order', 'Orders', 'hs_order_name'),
  recordType('carts', '0-142', 'Cart', 'Carts', 'hs_cart_name'),
  recordType('invoices', '0-53', 'Invoice', 'Invoices', 'hs_number', {
    availability: 'HubSpot invoices (Commerce Hub) set up in the account',
  }),
  recordType('communications', '0-18', 'Communication', 'Communications', 'hs_communication_body', {
    readScopes: ['crm.objects.contacts.read'],
    writeScopes: ['crm.objects.contacts.write'],
  }),
  recordType('postal_mail', '0-116', 'Postal mail', 'Postal mail', 'hs_postal_mail_body', {
    readScopes: ['crm.objects.contacts.read'],
    writeScopes: ['crm.objects.contacts.write'],
  }),
  recordType('feedback_submissions', '0-19', 'Feedback submission', 'Feedback submissions', 'hs_content', {
    writeScopes: [],
    readOnly: true,
    availability: 'Service Hub Professional or Enterprise (customer feedback surveys)',
  }),
  recordType('appointments', '0-421', 'Appointment', 'Appointments', 'hs_appointment_name', {
    availability: OBJECT_LIBRARY,
  }),
  recordType('courses', '0-410', 'Course', 'Courses', 'hs_course_name', { availability: OBJECT_LIBRARY }),
  recordType('listings', '0-420', 'Listing', 'Listings', 'hs_name', { availability: OBJECT_LIBRARY }),
  recordType('services', '0-162', 'Service', 'Services', 'hs_name', { availability: OBJECT_LIBRARY }),
  ...ACCOUNT_AND_PAYMENT_TYPES,
  ...PRICING_TYPES,
  PROJECTS,
];

/** Every standard type: the core CRM, then the others. */
export const STANDARD_OBJECT_TYPES: readonly ObjectTypeDef[] = [...CORE_OBJECT_TYPES, ...MORE_OBJECT_TYPES];

const coreScopes = new Set(CORE_OBJECT_TYPES.flatMap((t) => [...t.readScopes, ...t.writeScopes]));

/**
 * The scopes of the types beyond the core CRM, each once, in table order (communications and postal mail use the
 * contacts scopes, listed with the core): what the scope table knows and the OAuth app asks as optional.
 */
export const MORE_OBJECT_TYPE_SCOPES: readonly string[] = [
  ...new Set(MORE_OBJECT_TYPES.flatMap((t) => [...t.readScopes, ...t.writeScopes])),
].filter((scope) => !coreScopes.has(scope));

const byName = new Map(STANDARD_OBJECT_TYPES.map((t) => [t.name, t]));
const byId = new Map(STANDARD_OBJECT_TYPES.map((t) => [t.objectTypeId, t]));

/** Finds a standard type by path name, objectTypeId, or singular name (`contact`). */
export function findStandardObjectType(nameOrId: string): ObjectTypeDef | undefined {
  const key = nameOrId.toLowerCase();
  return (
    byName.get(key) ?? byId.get(key) ?? STANDARD_OBJECT_TYPES.find((t) => t.associationSearchName === key)
  );
}

/**
 * Why a scope may be missing beyond a forgotten consent: the type it opens needs a paid tier or a feature set up
 * (`availability`), e.g. "Leads need Sales Hub Professional or Enterprise, ...". HubSpot grants an optional scope
 * only when the portal has the product (https://developers.hubspot.com/docs/api/scopes), so reconnecting alone
 * cannot add it. Undefined when no type with such a requirement uses the scope.
 */
export function scopeAvailability(scope: string): string | undefined {
  const type = STANDARD_OBJECT_TYPES.find(
    (t) => t.availability && (t.readScopes.includes(scope) || t.writeScopes.includes(scope)),
  );
  return type ? `${type.plural} need ${type.availability}` : undefined;
}

/** The writes a step can ask of a type. */
export type RecordWrite = 'create' | 'update' | 'archive' | 'merge';

/**
 * Why HubSpot serves no such write for this type, in words for an error naming the type field; undefined when it does.
 * Read-only types (feedback submissions, goal targets) take no write; users take updates only.
 */
export function refusedWrite(type: ObjectTypeDef, write: RecordWrite): string | undefined {
  if (type.readOnly)
    return `${type.plural} are read only in HubSpot's API: choose a type that can be written.`;
  if (type.updateOnly && write !== 'update')
    return `${type.plural} can only be updated through HubSpot's API, not ${write === 'create' ? 'created' : write === 'archive' ? 'archived' : 'merged'}.`;
  return undefined;
}
