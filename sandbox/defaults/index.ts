/**
 * The property groups and properties a fresh sandbox portal has for each standard object, and the properties
 * HubSpot's API guides document as required on create.
 */
import { findStandardObjectType } from '../facts/objectTypes';
import type { PropertyDef, PropertyGroup } from '../model';
import {
  goalTargetDefaults,
  paymentDefaults,
  subscriptionDefaults,
  userDefaults,
} from './accountAndPayments';
import type { ObjectDefaults } from './build';
import { callDefaults } from './calls';
import { cartDefaults, invoiceDefaults, orderDefaults, quoteDefaults } from './commerce';
import { companyDefaults } from './companies';
import { contactDefaults } from './contacts';
import { dealDefaults } from './deals';
import { emailDefaults } from './emails';
import { lineItemDefaults } from './lineItems';
import { meetingDefaults } from './meetings';
import { noteDefaults } from './notes';
import {
  appointmentDefaults,
  communicationDefaults,
  courseDefaults,
  feedbackSubmissionDefaults,
  leadDefaults,
  listingDefaults,
  postalMailDefaults,
  serviceDefaults,
} from './otherObjects';
import { discountDefaults, feeDefaults, projectDefaults, taxDefaults } from './pricing';
import { productDefaults } from './products';
import { taskDefaults } from './tasks';
import { ticketDefaults } from './tickets';

export interface DefaultSchema {
  groups: PropertyGroup[];
  properties: PropertyDef[];
}

/** Keyed by the path name in `facts/objectTypes.ts`. */
const DEFAULTS: Readonly<Record<string, ObjectDefaults>> = {
  contacts: contactDefaults,
  companies: companyDefaults,
  deals: dealDefaults,
  tickets: ticketDefaults,
  products: productDefaults,
  line_items: lineItemDefaults,
  notes: noteDefaults,
  tasks: taskDefaults,
  calls: callDefaults,
  meetings: meetingDefaults,
  emails: emailDefaults,
  quotes: quoteDefaults,
  leads: leadDefaults,
  orders: orderDefaults,
  carts: cartDefaults,
  invoices: invoiceDefaults,
  communications: communicationDefaults,
  postal_mail: postalMailDefaults,
  feedback_submissions: feedbackSubmissionDefaults,
  appointments: appointmentDefaults,
  courses: courseDefaults,
  listings: listingDefaults,
  services: serviceDefaults,
  users: userDefaults,
  goal_targets: goalTargetDefaults,
  commerce_payments: paymentDefaults,
  subscriptions: subscriptionDefaults,
  discounts: discountDefaults,
  fees: feeDefaults,
  taxes: taxDefaults,
  projects: projectDefaults,
};

/**
 * Documented as "Required" in each engagement's API guide (e.g. https://developers.hubspot.com/docs/api/crm/notes,
 * .../tasks, .../calls, .../meetings, .../email). Meetings: since 2024-11-12 a missing hs_timestamp defaults to
 * hs_meeting_start_time (https://developers.hubspot.com/changelog/defaulting-hs_timestamp-to-meeting-start-time-in-meetings-engagement-api),
 * so the write logic should fill it from there before checking this list.
 * Not listed, on purpose:
 * - contacts: "at least one of email, firstname, lastname" is a rule over several properties, for the write logic;
 * - deals: the UI asks for dealname, pipeline and dealstage, but the API documents none of them as required;
 * - tasks: hs_task_subject is required in the UI only (UNVERIFIED for the API), so only hs_timestamp is listed.
 * Quotes: title and expiration date (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/quotes/guide);
 * leads: the lead name (https://developers.hubspot.com/docs/api/crm/leads; the required contact is checked with the
 * associations, `objects/requiredAssociations.ts`); communications: the channel and where it was logged from, with the
 * timeline time of every activity (https://developers.hubspot.com/docs/api/crm/communications).
 */
const REQUIRED_ON_CREATE: Readonly<Record<string, readonly string[]>> = {
  // https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-payments/guide ("at a minimum")
  commerce_payments: ['hs_initial_amount', 'hs_initiated_date'],
  // "The following properties are required when creating a fee":
  // https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/fees/guide
  fees: ['hs_label', 'hs_type', 'hs_value'],
  notes: ['hs_timestamp'],
  tasks: ['hs_timestamp'],
  calls: ['hs_timestamp'],
  meetings: ['hs_timestamp'],
  emails: ['hs_timestamp'],
  quotes: ['hs_title', 'hs_expiration_date'],
  leads: ['hs_lead_name'],
  communications: ['hs_timestamp', 'hs_communication_channel_type', 'hs_communication_logged_from'],
  postal_mail: ['hs_timestamp'],
};

function defaultsFor(objectTypeName: string): { name: string; defaults: ObjectDefaults } {
  const name = findStandardObjectType(objectTypeName)?.name;
  const defaults = name === undefined ? undefined : DEFAULTS[name];
  if (name === undefined || defaults === undefined) {
    throw new Error(`No default schema for object type "${objectTypeName}"`);
  }
  return { name, defaults };
}

/**
 * A fresh copy of a standard object's default groups and properties, stamped with `now` (epoch ms).
 * Accepts a path name (`contacts`), an objectTypeId (`0-1`) or a singular name (`contact`); throws for anything
 * else (custom objects get their properties from their schema).
 */
export function defaultSchemaFor(objectTypeName: string, now: number): DefaultSchema {
  const { defaults } = defaultsFor(objectTypeName);
  return {
    groups: defaults.groups.map((g, displayOrder) => ({ ...g, displayOrder })),
    properties: defaults.properties.map((p, displayOrder) => ({
      ...p,
      options: p.options.map((o) => ({ ...o })),
      formField: defaults.formFields && !p.readOnlyValue && !p.hidden,
      displayOrder,
      createdAt: now,
      updatedAt: now,
    })),
  };
}

/** Properties a create must carry for this standard object (empty when none is documented). */
export function requiredOnCreate(objectTypeName: string): readonly string[] {
  return REQUIRED_ON_CREATE[defaultsFor(objectTypeName).name] ?? [];
}

export type { Flags, GroupSpec, ObjectDefaults, OptionPairs, PropertySpec } from './build';
