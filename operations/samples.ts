/** Realistic example records, shown in the editors before a user's own data exists. */
export const SAMPLE_CONTACT = {
  id: '51',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  archived: false,
  properties: {
    createdate: '2026-01-05T09:00:00.000Z',
    email: 'ada.lovelace@example.com',
    firstname: 'Ada',
    hs_object_id: '51',
    lastmodifieddate: '2026-01-05T09:00:00.000Z',
    lastname: 'Lovelace',
  },
};
