/** Default call properties, from https://developers.hubspot.com/docs/api/crm/calls. */
import { enumeration, group, html, number, type ObjectDefaults, text } from './build';
import { ENGAGEMENT_GROUP, engagementBase } from './common';

const call = 'call';

export const callDefaults: ObjectDefaults = {
  formFields: false,
  groups: [ENGAGEMENT_GROUP, group(call, 'Call information')],
  properties: [
    ...engagementBase('Activity date'),
    text('hs_call_title', 'Call Title', call),
    html('hs_call_body', 'Call notes', call),
    enumeration('hs_call_direction', 'Call direction', call, [
      ['INBOUND', 'Inbound'],
      ['OUTBOUND', 'Outbound'],
    ]),
    // Outcomes are per-portal GUIDs (`GET /calling/v1/dispositions`); these are the defaults every portal starts
    // with, as listed in the calls guide.
    enumeration('hs_call_disposition', 'Call outcome', call, [
      ['9d9162e7-6cf3-4944-bf63-4dff82258764', 'Busy'],
      ['f240bbac-87c9-4f6e-bf70-924b57d47db7', 'Connected'],
      ['a4c4c377-d246-4b32-a13b-75a56a4cd0ff', 'Left live message'],
      ['b2cf5968-551e-4856-9783-52b3da59a7d0', 'Left voicemail'],
      ['73a0d17f-1163-4015-bdd5-ec830791da20', 'No answer'],
      ['17b47fee-58de-441e-a44c-c6300d46f273', 'Wrong number'],
    ]),
    number('hs_call_duration', 'Call duration', call, { description: 'Duration in milliseconds.' }),
    enumeration('hs_call_status', 'Call status', call, [
      ['BUSY', 'Busy'],
      ['CALLING_CRM_USER', 'Calling CRM user'],
      ['CANCELED', 'Canceled'],
      ['COMPLETED', 'Completed'],
      ['CONNECTING', 'Connecting'],
      ['FAILED', 'Failed'],
      ['IN_PROGRESS', 'In progress'],
      ['NO_ANSWER', 'No answer'],
      ['QUEUED', 'Queued'],
      ['RINGING', 'Ringing'],
    ]),
    text('hs_call_from_number', 'From number', call),
    text('hs_call_to_number', 'To number', call),
    text('hs_call_recording_url', 'Recording URL', call, {
      description: 'An HTTPS URL of the recording (.mp3 or .wav).',
    }),
  ],
};
