import { createEngagementOperation } from './createEngagement';
import { SAMPLE_MEETING } from './samples';

export const createMeeting = createEngagementOperation({
  key: 'create_meeting',
  objectType: 'meetings',
  timestampLabel: 'Meeting time',
  sample: SAMPLE_MEETING,
});
