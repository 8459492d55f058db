import { createEngagementOperation } from './createEngagement';
import { SAMPLE_NOTE } from './samples';

export const createNote = createEngagementOperation({
  key: 'create_note',
  objectType: 'notes',
  timestampLabel: 'Activity date',
  sample: SAMPLE_NOTE,
});
