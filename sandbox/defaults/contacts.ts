/**
 * Default contact properties. Names, types and options from
 * https://knowledge.hubspot.com/properties/hubspots-default-contact-properties and
 * https://developers.hubspot.com/docs/api/crm/contacts.
 *
 * Not encoded here, left to the write logic: a contact create needs at least one of email, firstname, lastname,
 * and `email` is the dedupe key (409 on a second record with the same email, usable as `idProperty`) although its
 * definition says `hasUniqueValue: false`.
 */
import {
  bool,
  checkbox,
  date,
  datetime,
  enumeration,
  group,
  number,
  type ObjectDefaults,
  phone,
  radio,
  text,
  textarea,
} from './build';
import {
  activityRollups,
  analyticsRollups,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  owner,
  postalAddress,
  recordId,
} from './common';

const info = 'contactinformation';
const email = 'emailinformation';
const sales = 'sales_properties';
const activity = 'contact_activity';
const deals = 'deal_information';
const analytics = 'analyticsinformation';

export const contactDefaults: ObjectDefaults = {
  formFields: true,
  groups: [
    group(info, 'Contact information'),
    group(email, 'Email information'),
    group(sales, 'Sales properties'),
    group(activity, 'Contact activity'),
    group(deals, 'Deal information'),
    group(analytics, 'Web analytics history'),
  ],
  properties: [
    recordId(info),
    datetime('createdate', 'Create Date', info, { readOnly: true }),
    datetime('lastmodifieddate', 'Last Modified Date', info, { readOnly: true }),
    text('email', 'Email', info),
    text('firstname', 'First Name', info),
    text('lastname', 'Last Name', info),
    phone('phone', 'Phone Number', info),
    phone('mobilephone', 'Mobile Phone Number', info),
    text('fax', 'Fax Number', info),
    text('company', 'Company Name', info),
    text('website', 'Website URL', info),
    text('jobtitle', 'Job Title', info),
    ...postalAddress(info),
    // UNVERIFIED: some portals report date_of_birth as string/text; the sandbox models it as a calendar date.
    date('date_of_birth', 'Date of birth', info),
    textarea('message', 'Message', info),
    radio('lifecyclestage', 'Lifecycle Stage', info, LIFECYCLE_STAGES),
    enumeration('hs_language', 'Preferred language', info, [
      ['en', 'English'],
      ['fr', 'French'],
      ['de', 'German'],
      ['es', 'Spanish'],
      ['it', 'Italian'],
      ['nl', 'Dutch'],
      ['pt-br', 'Portuguese - Brazil'],
      ['ja', 'Japanese'],
    ]),
    text('hs_email_domain', 'Email Domain', info, { calculated: true }),
    // Secondary emails are managed through their own endpoints; the property lists them `;`-separated.
    textarea('hs_additional_emails', 'Additional email addresses', info, { readOnly: true }),
    bool('hs_is_contact', 'Is a contact', info, { calculated: true, hidden: true }),
    text('hs_calculated_merged_vids', 'Merged Contact IDs with timestamps', info, {
      calculated: true,
      hidden: true,
    }),
    // Opting back in goes through the subscriptions API, so HubSpot refuses direct writes.
    bool('hs_email_optout', 'Unsubscribed from all email', email, { readOnly: true }),
    enumeration(
      'hs_marketable_until_renewal',
      'Marketing contact until next update',
      email,
      [
        ['true', 'Yes'],
        ['false', 'No'],
      ],
      { fieldType: 'booleancheckbox', readOnly: true },
    ),
    owner('Contact owner', sales),
    datetime('hubspot_owner_assigneddate', 'Owner Assigned Date', sales, { calculated: true }),
    radio('hs_lead_status', 'Lead Status', sales, LEAD_STATUSES),
    checkbox('hs_buying_role', 'Buying Role', sales, [
      ['BLOCKER', 'Blocker'],
      ['BUDGET_HOLDER', 'Budget Holder'],
      ['CHAMPION', 'Champion'],
      ['DECISION_MAKER', 'Decision Maker'],
      ['END_USER', 'End User'],
      ['EXECUTIVE_SPONSOR', 'Executive Sponsor'],
      ['INFLUENCER', 'Influencer'],
      ['LEGAL_AND_COMPLIANCE', 'Legal & Compliance'],
      ['OTHER', 'Other'],
    ]),
    ...activityRollups(activity),
    number('num_associated_deals', 'Number of Associated Deals', deals, { calculated: true }),
    datetime('recent_deal_close_date', 'Recent Deal Close Date', deals, { calculated: true }),
    number('total_revenue', 'Total Revenue', deals, { calculated: true }),
    ...analyticsRollups(analytics),
  ],
};
