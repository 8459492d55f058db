/**
 * Default email-engagement properties, from https://developers.hubspot.com/docs/api/crm/email.
 * The sender and recipient properties are read-only: HubSpot derives them from `hs_email_headers`.
 */
import { enumeration, group, html, type ObjectDefaults, text, textarea } from './build';
import { ENGAGEMENT_GROUP, engagementBase } from './common';

const email = 'email';

export const emailDefaults: ObjectDefaults = {
  formFields: false,
  groups: [ENGAGEMENT_GROUP, group(email, 'Email information')],
  properties: [
    ...engagementBase('Activity date'),
    text('hs_email_subject', 'Email subject', email),
    textarea('hs_email_text', 'Email body', email),
    html('hs_email_html', 'Email HTML body', email),
    enumeration('hs_email_direction', 'Email direction', email, [
      ['EMAIL', 'Sent'],
      ['INCOMING_EMAIL', 'Reply'],
      ['FORWARDED_EMAIL', 'Forwarded'],
    ]),
    enumeration('hs_email_status', 'Email send status', email, [
      ['BOUNCED', 'Bounced'],
      ['FAILED', 'Failed'],
      ['SCHEDULED', 'Scheduled'],
      ['SENDING', 'Sending'],
      ['SENT', 'Sent'],
    ]),
    textarea('hs_email_headers', 'Email headers', email, {
      description: 'JSON of from, to, cc and bcc; the sender and recipient properties are read from it.',
    }),
    text('hs_email_from_email', 'From', email, { calculated: true }),
    text('hs_email_from_firstname', 'From first name', email, { calculated: true }),
    text('hs_email_from_lastname', 'From last name', email, { calculated: true }),
    text('hs_email_to_email', 'To', email, { calculated: true }),
    text('hs_email_to_firstname', 'To first name', email, { calculated: true }),
    text('hs_email_to_lastname', 'To last name', email, { calculated: true }),
  ],
};
