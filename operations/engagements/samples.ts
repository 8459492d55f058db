/** Example engagements, shown before the user's own data exists. */
const engagementSample = (id: string, properties: Record<string, string>) => ({
  id,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  archived: false,
  properties: {
    hs_createdate: '2026-01-05T09:00:00.000Z',
    hs_lastmodifieddate: '2026-01-05T09:00:00.000Z',
    hs_object_id: id,
    hs_timestamp: '2026-01-05T09:00:00.000Z',
    ...properties,
  },
  associated_ids: { contacts: ['51'], companies: [], deals: [], tickets: [] },
});

export const SAMPLE_NOTE = engagementSample('7001', { hs_note_body: 'Called about the renewal.' });
export const SAMPLE_TASK = engagementSample('7002', {
  hs_task_subject: 'Send the quote',
  hs_task_status: 'NOT_STARTED',
});
export const SAMPLE_CALL = engagementSample('7003', { hs_call_title: 'Discovery call', hs_call_body: '' });
export const SAMPLE_MEETING = engagementSample('7004', { hs_meeting_title: 'Kick-off' });
export const SAMPLE_EMAIL = engagementSample('7005', { hs_email_subject: 'Your quote' });
