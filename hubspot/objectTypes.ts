/**
 * HubSpot's standard CRM object types, one row each: path name, objectTypeId, labels, scopes, and the properties
 * search's `query` looks in and a read returns by default.
 * Sources: https://developers.hubspot.com/docs/guides/crm/using-object-apis (ids),
 * https://developers.hubspot.com/docs/api/crm/search (query and default properties),
 * per-operation scopes in https://developers.hubspot.com/docs/api/scopes.
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

export const STANDARD_OBJECT_TYPES: readonly ObjectTypeDef[] = [
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

const byName = new Map(STANDARD_OBJECT_TYPES.map((t) => [t.name, t]));
const byId = new Map(STANDARD_OBJECT_TYPES.map((t) => [t.objectTypeId, t]));

/** Finds a standard type by path name, objectTypeId, or singular name (`contact`). */
export function findStandardObjectType(nameOrId: string): ObjectTypeDef | undefined {
  const key = nameOrId.toLowerCase();
  return (
    byName.get(key) ?? byId.get(key) ?? STANDARD_OBJECT_TYPES.find((t) => t.associationSearchName === key)
  );
}
