/**
 * The standard CRM object types the sandbox serves, as HubSpot documents them. The sandbox keeps its own copy of
 * these facts (it imports nothing from the connector): it is a second, independent reading of HubSpot's docs, and
 * `test/sandbox/facts.test.ts` compares the two readings.
 * Ids: the table of objects and their objectTypeIds in HubSpot's guide "Using the object APIs",
 * https://developers.hubspot.com/docs/guides/crm/using-object-apis (every id below is checked against it). Marketing
 * events (0-54) are in that table but served by their own API (`marketing/`), not the objects endpoints, so not here.
 * Search's default `query` properties and a read's default properties: https://developers.hubspot.com/docs/api/crm/search
 * Scopes: https://developers.hubspot.com/docs/api/scopes
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
  lastModifiedProperty: string;
  createdProperty: string;
  /** Search's `associations.{name}` pseudo-property (`associations.contact`). */
  associationSearchName?: string;
  engagement: boolean;
  custom: boolean;
  /** What the account needs before HubSpot serves the type (a paid tier, a feature set up); absent for every account. */
  availability?: string;
  /** Readable through the API, never written (feedback submissions, goal targets). */
  readOnly?: boolean;
  /** Existing records can be updated, none created or archived through the objects API (users). */
  updateOnly?: boolean;
}

type Row = Omit<ObjectTypeDef, 'engagement' | 'custom' | 'lastModifiedProperty' | 'createdProperty'> &
  Partial<Pick<ObjectTypeDef, 'lastModifiedProperty'>>;

/** CRM records: created at `createdate`; contacts alone keep `lastmodifieddate`, the others `hs_lastmodifieddate`. */
const crm = (row: Row): ObjectTypeDef => ({
  lastModifiedProperty: 'hs_lastmodifieddate',
  createdProperty: 'createdate',
  engagement: false,
  custom: false,
  ...row,
});

/**
 * Engagements (notes, tasks, calls, meetings, e-mails) are read and written with the contacts scopes, and carry
 * `hs_createdate`/`hs_lastmodifieddate`: https://developers.hubspot.com/docs/api/crm/engagements
 */
const activity = (
  name: string,
  objectTypeId: string,
  singular: string,
  primaryDisplayProperty: string,
  queryProperties: string[],
  readScopes: string[] = ['crm.objects.contacts.read'],
): ObjectTypeDef => ({
  name,
  objectTypeId,
  singular,
  plural: `${singular}s`,
  primaryDisplayProperty,
  readScopes,
  writeScopes: ['crm.objects.contacts.write'],
  queryProperties,
  defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  lastModifiedProperty: 'hs_lastmodifieddate',
  createdProperty: 'hs_createdate',
  engagement: true,
  custom: false,
});

const ecommerce = (resource: string, access: 'read' | 'write') => [
  `crm.objects.${resource}.${access}`,
  'e-commerce',
];

const CORE: readonly ObjectTypeDef[] = [
  crm({
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
    associationSearchName: 'contact',
  }),
  crm({
    name: 'companies',
    objectTypeId: '0-2',
    singular: 'Company',
    plural: 'Companies',
    primaryDisplayProperty: 'name',
    readScopes: ['crm.objects.companies.read'],
    writeScopes: ['crm.objects.companies.write'],
    queryProperties: ['website', 'phone', 'name', 'domain'],
    defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    associationSearchName: 'company',
  }),
  crm({
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
    associationSearchName: 'deal',
  }),
  crm({
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
    associationSearchName: 'ticket',
  }),
  crm({
    name: 'products',
    objectTypeId: '0-7',
    singular: 'Product',
    plural: 'Products',
    primaryDisplayProperty: 'name',
    readScopes: ecommerce('products', 'read'),
    writeScopes: ecommerce('products', 'write'),
    queryProperties: ['name', 'description', 'hs_sku'],
    defaultProperties: ['createdate', 'description', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'price'],
  }),
  crm({
    name: 'line_items',
    objectTypeId: '0-8',
    singular: 'Line item',
    plural: 'Line items',
    primaryDisplayProperty: 'name',
    readScopes: ecommerce('line_items', 'read'),
    writeScopes: ecommerce('line_items', 'write'),
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
  }),
  activity('notes', '0-46', 'Note', 'hs_note_body', ['hs_note_body']),
  activity('tasks', '0-27', 'Task', 'hs_task_subject', ['hs_task_body', 'hs_task_subject']),
  activity('calls', '0-48', 'Call', 'hs_call_title', ['hs_call_title', 'hs_call_body']),
  activity('meetings', '0-47', 'Meeting', 'hs_meeting_title', ['hs_meeting_title', 'hs_meeting_body']),
  // Reading logged e-mails also takes `sales-email-read`: https://developers.hubspot.com/docs/api/crm/email
  activity(
    'emails',
    '0-49',
    'Email',
    'hs_email_subject',
    ['hs_email_subject', 'hs_email_text'],
    ['crm.objects.contacts.read', 'sales-email-read'],
  ),
];

/**
 * Sales, commerce, communication and object-library types. With no `properties` asked, a read answers
 * `hs_createdate`, `hs_lastmodifieddate` and `hs_object_id` (the answers shown in
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/orders/guide and .../carts/guide).
 * Scopes: `crm.objects.{name}.read|write` (https://developers.hubspot.com/docs/api/scopes), except the activities
 * (communications, postal mail), which take the contacts scopes, and feedback submissions, which are read only.
 */
const other = (
  name: string,
  objectTypeId: string,
  singular: string,
  plural: string,
  primaryDisplayProperty: string,
  more: Partial<ObjectTypeDef> = {},
): ObjectTypeDef => ({
  name,
  objectTypeId,
  singular,
  plural,
  primaryDisplayProperty,
  readScopes: [`crm.objects.${name}.read`],
  writeScopes: [`crm.objects.${name}.write`],
  queryProperties: [primaryDisplayProperty],
  defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  lastModifiedProperty: 'hs_lastmodifieddate',
  createdProperty: 'hs_createdate',
  engagement: false,
  custom: false,
  ...more,
});

const contactScopes = {
  readScopes: ['crm.objects.contacts.read'],
  writeScopes: ['crm.objects.contacts.write'],
};

/** Object-library types must be switched on first: https://knowledge.hubspot.com/object-settings/use-the-object-library */
const library = { availability: 'turned on in the account’s object library (Settings › Objects)' };

const lineItemScopes = {
  readScopes: ['crm.objects.line_items.read'],
  writeScopes: ['crm.objects.line_items.write'],
};

const payments = {
  availability: 'HubSpot payments or Stripe payment processing set up in the account (Commerce Hub)',
};

const OTHER: readonly ObjectTypeDef[] = [
  // CPQ quotes need Commerce Hub Pro/Enterprise; Sales Hub accounts keep legacy quotes
  // (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/quotes/guide).
  other('quotes', '0-14', 'Quote', 'Quotes', 'hs_title', {
    availability: 'Commerce Hub Professional or Enterprise (or Sales Hub with legacy quotes)',
  }),
  other('leads', '0-136', 'Lead', 'Leads', 'hs_lead_name', {
    availability: 'Sales Hub Professional or Enterprise, with leads set up in the account',
  }),
  other('orders', '0-123', 'Order', 'Orders', 'hs_order_name'),
  other('carts', '0-142', 'Cart', 'Carts', 'hs_cart_name'),
  other('invoices', '0-53', 'Invoice', 'Invoices', 'hs_number', {
    availability: 'HubSpot invoices (Commerce Hub) set up in the account',
  }),
  other('communications', '0-18', 'Communication', 'Communications', 'hs_communication_body', contactScopes),
  other('postal_mail', '0-116', 'Postal mail', 'Postal mail', 'hs_postal_mail_body', contactScopes),
  other('feedback_submissions', '0-19', 'Feedback submission', 'Feedback submissions', 'hs_content', {
    writeScopes: [],
    readOnly: true,
    availability: 'Service Hub Professional or Enterprise (customer feedback surveys)',
  }),
  other('appointments', '0-421', 'Appointment', 'Appointments', 'hs_appointment_name', library),
  other('courses', '0-410', 'Course', 'Courses', 'hs_course_name', library),
  other('listings', '0-420', 'Listing', 'Listings', 'hs_name', library),
  other('services', '0-162', 'Service', 'Services', 'hs_name', library),
  // Users: the guide offers reading and updating only (people join through user provisioning). Id 0-115 from the
  // objectTypeId table of https://developers.hubspot.com/docs/guides/crm/using-object-apis
  // (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/users/guide).
  other('users', '0-115', 'User', 'Users', 'hs_email', { updateOnly: true }),
  // Goal targets answer list, read and search only ("retrieve goals data"), with the goals read scope:
  // https://developers.hubspot.com/docs/api-reference/latest/crm/objects/goals/guide
  other('goal_targets', '0-74', 'Goal target', 'Goal targets', 'hs_goal_name', {
    readScopes: ['crm.objects.goals.read'],
    writeScopes: [],
    readOnly: true,
  }),
  // Payments and commerce subscriptions need payment processing set up (HubSpot payments or Stripe):
  // https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-payments/guide and
  // https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-subscriptions/guide.
  // Ids 0-101 and 0-69: the objectTypeId table of https://developers.hubspot.com/docs/guides/crm/using-object-apis
  other('commerce_payments', '0-101', 'Payment', 'Payments', 'hs_initial_amount', {
    readScopes: ['crm.objects.commercepayments.read'],
    writeScopes: ['crm.objects.commercepayments.write'],
    ...payments,
  }),
  other('subscriptions', '0-69', 'Subscription', 'Subscriptions', 'hs_name', payments),
  // Discounts, fees and taxes price quotes and invoices; their guides list only the line-item scopes
  // (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/discounts/guide, .../fees/guide,
  // .../taxes/guide) and create them with hs_label, hs_type and hs_value. Ids 0-84, 0-85, 0-86 from the guide above.
  other('discounts', '0-84', 'Discount', 'Discounts', 'hs_label', lineItemScopes),
  other('fees', '0-85', 'Fee', 'Fees', 'hs_label', lineItemScopes),
  other('taxes', '0-86', 'Tax', 'Taxes', 'hs_label', lineItemScopes),
  // Projects: /crm/v3/objects/projects with crm.objects.projects.read|write
  // (https://developers.hubspot.com/docs/guides/account/projects/guide); id 0-970 from the guide above.
  other('projects', '0-970', 'Project', 'Projects', 'hs_name'),
];

export const STANDARD_OBJECT_TYPES: readonly ObjectTypeDef[] = [...CORE, ...OTHER];

const byName = new Map(STANDARD_OBJECT_TYPES.map((t) => [t.name, t]));
const byId = new Map(STANDARD_OBJECT_TYPES.map((t) => [t.objectTypeId, t]));
const bySearchName = new Map(STANDARD_OBJECT_TYPES.map((t) => [t.associationSearchName, t]));

/** A standard type by path name (`contacts`), objectTypeId (`0-1`) or singular name (`contact`). */
export function findStandardObjectType(nameOrId: string): ObjectTypeDef | undefined {
  const key = nameOrId.toLowerCase();
  return byName.get(key) ?? byId.get(key) ?? bySearchName.get(key);
}
