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

const SAMPLE_TIME = '2026-01-05T09:00:00.000Z';
const sampleRecord = (id: string, properties: Record<string, string>) => ({
  id,
  createdAt: SAMPLE_TIME,
  updatedAt: SAMPLE_TIME,
  archived: false,
  properties: { createdate: SAMPLE_TIME, hs_lastmodifieddate: SAMPLE_TIME, hs_object_id: id, ...properties },
});

export const SAMPLE_COMPANY = sampleRecord('7001', {
  domain: 'analytical-engines.example',
  name: 'Analytical Engines Ltd',
});

export const SAMPLE_DEAL = sampleRecord('9001', {
  amount: '12000',
  closedate: '2026-03-31T00:00:00.000Z',
  dealname: 'Analytical Engines — annual licence',
  dealstage: 'appointmentscheduled',
  pipeline: 'default',
});

export const SAMPLE_TICKET = sampleRecord('4001', {
  content: 'The difference engine stops at the seventh column.',
  hs_pipeline: '0',
  hs_pipeline_stage: '1',
  hs_ticket_category: 'PRODUCT_ISSUE',
  hs_ticket_priority: 'HIGH',
  subject: 'Engine halts mid-calculation',
});

export const SAMPLE_PRODUCT = sampleRecord('3001', {
  description: 'One year of the analytical engine, with support.',
  name: 'Engine licence (annual)',
  price: '1200',
});

export const SAMPLE_LINE_ITEM = sampleRecord('5001', {
  amount: '2400',
  hs_product_id: '3001',
  name: 'Engine licence (annual)',
  price: '1200',
  quantity: '2',
});
