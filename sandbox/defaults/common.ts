/**
 * Properties and option lists that several standard objects share, written once.
 * Sources: https://developers.hubspot.com/docs/api/crm/properties and the default-property pages of
 * https://knowledge.hubspot.com/properties/hubspots-default-contact-properties (and its company/deal/ticket siblings).
 */
import {
  datetime,
  enumeration,
  type Flags,
  group,
  number,
  type OptionPairs,
  type PropertySpec,
  text,
  textarea,
} from './build';

/** `hs_object_id` mirrors the record id; it is the one system property every object has. */
export const recordId = (groupName: string): PropertySpec =>
  number('hs_object_id', 'Record ID', groupName, {
    readOnly: true,
    unique: true,
    description: 'The unique ID for this record. This value is set automatically by HubSpot.',
  });

/**
 * `hubspot_owner_id` holds an owner id from `/crm/v3/owners`; its options are the portal's owners, so the
 * sandbox fills them at runtime.
 */
export const owner = (label: string, groupName: string): PropertySpec =>
  enumeration('hubspot_owner_id', label, groupName, [], { referencedObjectType: 'OWNER' });

/** Record id and creation/modification times of companies, deals, tickets, products and line items. */
export const crmSystemProperties = (groupName: string): PropertySpec[] => [
  recordId(groupName),
  datetime('createdate', 'Create Date', groupName, { readOnly: true }),
  datetime('hs_lastmodifieddate', 'Last Modified Date', groupName, { readOnly: true }),
];

/** Activity roll-ups HubSpot keeps on contacts, companies and deals. */
export const activityRollups = (groupName: string): PropertySpec[] => [
  datetime('notes_last_updated', 'Last Activity Date', groupName, { calculated: true }),
  datetime('notes_last_contacted', 'Last Contacted', groupName, { calculated: true }),
  number('num_contacted_notes', 'Number of times contacted', groupName, { calculated: true }),
  number('num_notes', 'Number of Sales Activities', groupName, { calculated: true }),
];

/** Web-analytics roll-ups of contacts and companies. */
export const analyticsRollups = (groupName: string): PropertySpec[] => [
  number('hs_analytics_num_visits', 'Number of Sessions', groupName, { calculated: true }),
  number('hs_analytics_num_page_views', 'Number of Pageviews', groupName, { calculated: true }),
  datetime('hs_analytics_first_timestamp', 'Time First Seen', groupName, { calculated: true }),
  enumeration('hs_analytics_source', 'Original Source', groupName, ANALYTICS_SOURCES, { calculated: true }),
];

export const ANALYTICS_SOURCES: OptionPairs = [
  ['ORGANIC_SEARCH', 'Organic Search'],
  ['PAID_SEARCH', 'Paid Search'],
  ['EMAIL_MARKETING', 'Email Marketing'],
  ['SOCIAL_MEDIA', 'Organic Social'],
  ['REFERRALS', 'Referrals'],
  ['OTHER_CAMPAIGNS', 'Other Campaigns'],
  ['DIRECT_TRAFFIC', 'Direct Traffic'],
  ['OFFLINE', 'Offline Sources'],
  ['PAID_SOCIAL', 'Paid Social'],
];

/** https://knowledge.hubspot.com/records/use-lifecycle-stages */
export const LIFECYCLE_STAGES: OptionPairs = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
];

export const LEAD_STATUSES: OptionPairs = [
  ['NEW', 'New'],
  ['OPEN', 'Open'],
  ['IN_PROGRESS', 'In Progress'],
  ['OPEN_DEAL', 'Open Deal'],
  ['UNQUALIFIED', 'Unqualified'],
  ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
  ['CONNECTED', 'Connected'],
  ['BAD_TIMING', 'Bad Timing'],
];

/** A sample of ISO 4217 codes; a real portal lists the currencies its admins enabled. */
export const CURRENCIES: OptionPairs = [
  ['USD', 'US Dollar'],
  ['EUR', 'Euro'],
  ['GBP', 'British Pound'],
  ['CAD', 'Canadian Dollar'],
  ['AUD', 'Australian Dollar'],
  ['JPY', 'Japanese Yen'],
  ['CHF', 'Swiss Franc'],
];

/** `recurringbillingfrequency` values on products and line items. */
export const BILLING_FREQUENCIES: OptionPairs = [
  ['weekly', 'Weekly'],
  ['biweekly', 'Biweekly'],
  ['monthly', 'Monthly'],
  ['quarterly', 'Quarterly'],
  ['per_six_months', 'Every six months'],
  ['annually', 'Annually'],
  ['per_two_years', 'Every two years'],
  ['per_three_years', 'Every three years'],
];

/** Group shared by all engagements for the properties every activity has (UNVERIFIED group name). */
export const ENGAGEMENT_GROUP = group('engagement', 'Activity information');

/**
 * What notes, tasks, calls, meetings and emails all carry. `hs_timestamp` places the activity on the timeline
 * (a task's due date) and is writable; the API guides mark it required on create.
 */
export const engagementBase = (timestampLabel: string): PropertySpec[] => {
  const groupName = ENGAGEMENT_GROUP.name;
  return [
    recordId(groupName),
    datetime('hs_createdate', 'Create date', groupName, { readOnly: true }),
    datetime('hs_lastmodifieddate', 'Last modified date', groupName, { readOnly: true }),
    datetime('hs_timestamp', timestampLabel, groupName),
    owner('Activity assigned to', groupName),
    text('hs_attachment_ids', 'Attachment IDs', groupName, {
      description: 'The IDs of files attached to the activity, separated by semicolons.',
    }),
    number('hs_created_by_user_id', 'Created by user ID', groupName, { readOnly: true }),
    text('hs_body_preview', 'Body preview', groupName, { calculated: true }),
  ];
};

/** What a product and a line item made from it both carry (the line item copies them from `hs_product_id`). */
export const sellableItemProperties = (groupName: string, skuFlags: Flags = {}): PropertySpec[] => [
  text('name', 'Name', groupName),
  textarea('description', 'Description', groupName),
  number('price', 'Unit price', groupName),
  text('hs_sku', 'SKU', groupName, skuFlags),
  number('hs_cost_of_goods_sold', 'Unit cost', groupName),
  // ISO-8601 period such as `P12M`: https://developers.hubspot.com/docs/api/crm/line-items
  text('hs_recurring_billing_period', 'Term', groupName),
  enumeration('recurringbillingfrequency', 'Billing frequency', groupName, BILLING_FREQUENCIES),
];

/** Recurring-revenue roll-ups HubSpot computes on deals and line items. */
export const recurringRevenueRollups = (groupName: string): PropertySpec[] => [
  number('hs_acv', 'Annual contract value', groupName, { calculated: true }),
  number('hs_arr', 'Annual recurring revenue', groupName, { calculated: true }),
  number('hs_mrr', 'Monthly recurring revenue', groupName, { calculated: true }),
  number('hs_tcv', 'Total contract value', groupName, { calculated: true }),
];

/** The postal address fields contacts and companies share. */
export const postalAddress = (groupName: string): PropertySpec[] => [
  text('address', 'Street Address', groupName),
  text('city', 'City', groupName),
  text('state', 'State/Region', groupName),
  text('zip', 'Postal Code', groupName),
  text('country', 'Country/Region', groupName),
];
