/** Default task properties, from https://developers.hubspot.com/docs/api/crm/tasks. */
import { bool, datetime, enumeration, group, html, number, type ObjectDefaults, text } from './build';
import { ENGAGEMENT_GROUP, engagementBase } from './common';

const task = 'task';

export const taskDefaults: ObjectDefaults = {
  formFields: false,
  groups: [ENGAGEMENT_GROUP, group(task, 'Task information')],
  properties: [
    // On a task, hs_timestamp is the due date.
    ...engagementBase('Due date'),
    text('hs_task_subject', 'Task Title', task),
    html('hs_task_body', 'Notes', task),
    enumeration('hs_task_status', 'Task Status', task, [
      ['NOT_STARTED', 'Not Started'],
      ['IN_PROGRESS', 'In Progress'],
      ['WAITING', 'Waiting'],
      ['COMPLETED', 'Completed'],
      ['DEFERRED', 'Deferred'],
    ]),
    enumeration('hs_task_priority', 'Priority', task, [
      ['NONE', 'None'],
      ['LOW', 'Low'],
      ['MEDIUM', 'Medium'],
      ['HIGH', 'High'],
    ]),
    enumeration('hs_task_type', 'Task Type', task, [
      ['CALL', 'Call'],
      ['EMAIL', 'Email'],
      ['TODO', 'To-do'],
      ['LINKED_IN', 'LinkedIn'],
    ]),
    text('hs_task_reminders', 'Reminder', task, { description: 'Reminder times as epoch milliseconds.' }),
    datetime('hs_task_completion_date', 'Completed at', task, { calculated: true }),
    bool('hs_task_is_overdue', 'Is overdue', task, { calculated: true }),
    number('hs_task_is_completed', 'Number of completed tasks', task, { calculated: true }),
  ],
};
