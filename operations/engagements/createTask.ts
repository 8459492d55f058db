import { createEngagementOperation } from './createEngagement';
import { SAMPLE_TASK } from './samples';

export const createTask = createEngagementOperation({
  key: 'create_task',
  objectType: 'tasks',
  timestampLabel: 'Due date',
  sample: SAMPLE_TASK,
});
