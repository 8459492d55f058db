import { createEngagementOperation } from './createEngagement';
import { SAMPLE_EMAIL } from './samples';

export const createEmail = createEngagementOperation({
  key: 'create_email',
  objectType: 'emails',
  timestampLabel: 'Sent at',
  sample: SAMPLE_EMAIL,
});
