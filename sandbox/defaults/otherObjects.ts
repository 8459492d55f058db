/**
 * Default properties of leads (https://developers.hubspot.com/docs/api/crm/leads), communications
 * (https://developers.hubspot.com/docs/api/crm/communications), postal mail
 * (https://developers.hubspot.com/docs/api/crm/postal-mail), feedback submissions
 * (https://developers.hubspot.com/docs/api/crm/feedback-submissions) and the object-library types
 * (https://knowledge.hubspot.com/object-settings/use-the-object-library).
 */
import { enumeration, group, html, number, type ObjectDefaults, text, textarea } from './build';
import { ENGAGEMENT_GROUP, engagementBase } from './common';
import { recordBase } from './records';

const lead = 'leadinformation';

export const leadDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(lead, 'Lead information')],
  properties: [
    ...recordBase(lead),
    text('hs_lead_name', 'Lead name', lead),
    enumeration('hs_lead_type', 'Lead type', lead, [
      ['NEW_BUSINESS', 'New business'],
      ['UPSELL', 'Upsell'],
      ['RE_ATTEMPTING', 'Re-attempting'],
    ]),
    enumeration('hs_lead_label', 'Lead label', lead, [
      ['COLD', 'Cold'],
      ['WARM', 'Warm'],
      ['HOT', 'Hot'],
    ]),
    enumeration('hs_pipeline', 'Pipeline', lead, []),
    enumeration('hs_pipeline_stage', 'Lead stage', lead, []),
  ],
};

/** The channels HubSpot logs as communications: the guide's `hs_communication_channel_type` values. */
export const communicationDefaults: ObjectDefaults = {
  formFields: false,
  groups: [ENGAGEMENT_GROUP, group('communication', 'Communication information')],
  properties: [
    ...engagementBase('Activity date'),
    enumeration('hs_communication_channel_type', 'Channel type', 'communication', [
      ['SMS', 'SMS'],
      ['WHATS_APP', 'WhatsApp'],
      ['LINKEDIN_MESSAGE', 'LinkedIn message'],
    ]),
    enumeration('hs_communication_logged_from', 'Logged from', 'communication', [['CRM', 'CRM']]),
    html('hs_communication_body', 'Body', 'communication'),
  ],
};

export const postalMailDefaults: ObjectDefaults = {
  formFields: false,
  groups: [ENGAGEMENT_GROUP, group('postal_mail', 'Postal mail information')],
  properties: [
    ...engagementBase('Activity date'),
    html('hs_postal_mail_body', 'Body', 'postal_mail'),
    enumeration('hs_direction', 'Direction', 'postal_mail', [
      ['INCOMING', 'Received'],
      ['OUTGOING', 'Sent'],
    ]),
  ],
};

const feedback = 'feedbacksubmissioninformation';

export const feedbackSubmissionDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(feedback, 'Feedback submission information')],
  properties: [
    ...recordBase(feedback),
    text('hs_survey_name', 'Survey name', feedback, { readOnly: true }),
    enumeration('hs_survey_type', 'Survey type', feedback, [
      ['NPS', 'NPS'],
      ['CES', 'CES'],
      ['CSAT', 'CSAT'],
      ['CUSTOM', 'Custom'],
    ]),
    textarea('hs_content', 'Response', feedback, { readOnly: true }),
    number('hs_value', 'Rating', feedback, { readOnly: true }),
    enumeration('hs_sentiment', 'Sentiment', feedback, [
      ['POSITIVE', 'Positive'],
      ['NEUTRAL', 'Neutral'],
      ['NEGATIVE', 'Negative'],
    ]),
  ],
};

/** An object-library type: its name property and a description, in one group. */
const libraryType = (groupName: string, label: string, nameProperty: string, nameLabel: string) => ({
  formFields: false,
  groups: [group(groupName, `${label} information`)],
  properties: [
    ...recordBase(groupName),
    text(nameProperty, nameLabel, groupName),
    textarea('hs_description', 'Description', groupName),
  ],
});

export const appointmentDefaults: ObjectDefaults = libraryType(
  'appointmentinformation',
  'Appointment',
  'hs_appointment_name',
  'Appointment name',
);
export const courseDefaults: ObjectDefaults = libraryType(
  'courseinformation',
  'Course',
  'hs_course_name',
  'Course name',
);
export const listingDefaults: ObjectDefaults = libraryType(
  'listinginformation',
  'Listing',
  'hs_name',
  'Name',
);
export const serviceDefaults: ObjectDefaults = libraryType(
  'serviceinformation',
  'Service',
  'hs_name',
  'Name',
);
