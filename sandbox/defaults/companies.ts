/**
 * Default company properties, from https://knowledge.hubspot.com/properties/hubspot-crm-default-company-properties
 * and https://developers.hubspot.com/docs/api/crm/companies (`domain` is the company's natural key in the UI's
 * deduplication, but like contacts' email it is not `hasUniqueValue`).
 */
import { bool, enumeration, group, number, type ObjectDefaults, phone, radio, text, textarea } from './build';
import {
  activityRollups,
  analyticsRollups,
  crmSystemProperties,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  owner,
  postalAddress,
} from './common';
import { INDUSTRIES } from './industries';

const info = 'companyinformation';
const social = 'socialmediainformation';
const activity = 'company_activity';
const analytics = 'analyticsinformation';

export const companyDefaults: ObjectDefaults = {
  formFields: true,
  groups: [
    group(info, 'Company information'),
    group(social, 'Social media information'),
    group(activity, 'Company activity'),
    group(analytics, 'Web analytics history'),
  ],
  properties: [
    ...crmSystemProperties(info),
    text('name', 'Company name', info),
    text('domain', 'Company Domain Name', info),
    text('website', 'Website URL', info),
    phone('phone', 'Phone Number', info),
    enumeration('industry', 'Industry', info, INDUSTRIES),
    enumeration('type', 'Type', info, [
      ['PROSPECT', 'Prospect'],
      ['PARTNER', 'Partner'],
      ['RESELLER', 'Reseller'],
      ['VENDOR', 'Vendor'],
      ['OTHER', 'Other'],
    ]),
    number('numberofemployees', 'Number of Employees', info),
    number('annualrevenue', 'Annual Revenue', info),
    ...postalAddress(info),
    text('address2', 'Street Address 2', info),
    textarea('description', 'Description', info),
    text('founded_year', 'Year Founded', info),
    bool('is_public', 'Is Public', info),
    bool('hs_is_target_account', 'Target Account', info),
    radio('lifecyclestage', 'Lifecycle Stage', info, LIFECYCLE_STAGES),
    radio('hs_lead_status', 'Lead Status', info, LEAD_STATUSES),
    owner('Company owner', info),
    number('hs_parent_company_id', 'Parent Company', info, { calculated: true }),
    number('hs_num_child_companies', 'Number of child companies', info, { calculated: true }),
    number('num_associated_contacts', 'Number of Associated Contacts', info, { calculated: true }),
    number('num_associated_deals', 'Number of Associated Deals', info, { calculated: true }),
    number('total_revenue', 'Total Revenue', info, { calculated: true }),
    bool('hs_read_only', 'Read only object', info, { readOnly: true, hidden: true }),
    text('linkedin_company_page', 'LinkedIn Company Page', social),
    text('twitterhandle', 'Twitter Handle', social),
    text('facebook_company_page', 'Facebook Company Page', social),
    ...activityRollups(activity),
    ...analyticsRollups(analytics),
  ],
};
