/**
 * Default ticket properties, from https://knowledge.hubspot.com/properties/hubspots-default-ticket-properties and
 * https://developers.hubspot.com/docs/api/crm/tickets. `hs_pipeline` and `hs_pipeline_stage` take pipeline and
 * stage ids whose options come from `/crm/v3/pipelines/tickets`, filled at runtime.
 */
import { checkbox, datetime, enumeration, group, number, type ObjectDefaults, text, textarea } from './build';
import { crmSystemProperties, owner } from './common';

const info = 'ticketinformation';
const activity = 'ticket_activity';

export const ticketDefaults: ObjectDefaults = {
  formFields: true,
  groups: [group(info, 'Ticket information'), group(activity, 'Ticket activity')],
  properties: [
    ...crmSystemProperties(info),
    number('hs_ticket_id', 'Ticket ID', info, { readOnly: true, unique: true }),
    text('subject', 'Ticket name', info),
    textarea('content', 'Ticket description', info),
    enumeration('hs_pipeline', 'Pipeline', info, []),
    enumeration('hs_pipeline_stage', 'Ticket status', info, []),
    enumeration('hs_ticket_priority', 'Priority', info, [
      ['LOW', 'Low'],
      ['MEDIUM', 'Medium'],
      ['HIGH', 'High'],
      ['URGENT', 'Urgent'],
    ]),
    checkbox('hs_ticket_category', 'Category', info, [
      ['PRODUCT_ISSUE', 'Product issue'],
      ['BILLING_ISSUE', 'Billing issue'],
      ['FEATURE_REQUEST', 'Feature request'],
      ['GENERAL_INQUIRY', 'General inquiry'],
    ]),
    enumeration('source_type', 'Source', info, [
      ['CHAT', 'Chat'],
      ['EMAIL', 'Email'],
      ['FORM', 'Form'],
      ['PHONE', 'Phone'],
    ]),
    owner('Ticket owner', info),
    datetime('closed_date', 'Close date', info),
    number('time_to_close', 'Time to close', info, {
      calculated: true,
      description: 'Milliseconds between the ticket being created and closed.',
    }),
    datetime('first_agent_reply_date', 'First agent email response date', activity, { calculated: true }),
    number('time_to_first_agent_reply', 'Time to first agent email reply', activity, { calculated: true }),
    datetime('notes_last_updated', 'Last activity date', activity, { calculated: true }),
    datetime('last_reply_date', 'Last response date', activity, { calculated: true }),
    number('num_notes', 'Number of Sales Activities', activity, { calculated: true }),
    number('num_associated_contacts', 'Number of associated contacts', activity, { calculated: true }),
  ],
};
