/** Default note properties, from https://developers.hubspot.com/docs/api/crm/notes. */
import { group, html, type ObjectDefaults } from './build';
import { ENGAGEMENT_GROUP, engagementBase } from './common';

const note = 'note';

export const noteDefaults: ObjectDefaults = {
  formFields: false,
  groups: [ENGAGEMENT_GROUP, group(note, 'Note information')],
  properties: [
    ...engagementBase('Activity date'),
    html('hs_note_body', 'Note body', note, { description: 'The note text, up to 65,536 characters.' }),
  ],
};
