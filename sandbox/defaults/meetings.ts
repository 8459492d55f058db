/** Default meeting properties, from https://developers.hubspot.com/docs/api/crm/meetings. */
import { datetime, enumeration, group, html, type ObjectDefaults, text } from './build';
import { ENGAGEMENT_GROUP, engagementBase } from './common';

const meeting = 'meeting';

export const meetingDefaults: ObjectDefaults = {
  formFields: false,
  groups: [ENGAGEMENT_GROUP, group(meeting, 'Meeting information')],
  properties: [
    ...engagementBase('Activity date'),
    text('hs_meeting_title', 'Meeting name', meeting),
    html('hs_meeting_body', 'Meeting description', meeting),
    html('hs_internal_meeting_notes', 'Internal meeting notes', meeting),
    datetime('hs_meeting_start_time', 'Start Time', meeting),
    datetime('hs_meeting_end_time', 'End Time', meeting),
    enumeration('hs_meeting_outcome', 'Meeting outcome', meeting, [
      ['SCHEDULED', 'Scheduled'],
      ['COMPLETED', 'Completed'],
      ['RESCHEDULED', 'Rescheduled'],
      ['NO_SHOW', 'No Show'],
      ['CANCELED', 'Canceled'],
    ]),
    text('hs_meeting_location', 'Location', meeting),
    text('hs_meeting_external_url', 'External URL', meeting),
  ],
};
