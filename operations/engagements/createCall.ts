import { createEngagementOperation } from './createEngagement';
import { SAMPLE_CALL } from './samples';

export const createCall = createEngagementOperation({
  key: 'create_call',
  objectType: 'calls',
  timestampLabel: 'Call time',
  sample: SAMPLE_CALL,
});
