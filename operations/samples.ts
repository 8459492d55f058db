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

/** Sales and commerce records carry `hs_createdate` (not `createdate`), as HubSpot's guides show them. */
const commerceRecord = (id: string, properties: Record<string, string>) => ({
  id,
  createdAt: SAMPLE_TIME,
  updatedAt: SAMPLE_TIME,
  archived: false,
  properties: {
    hs_createdate: SAMPLE_TIME,
    hs_lastmodifieddate: SAMPLE_TIME,
    hs_object_id: id,
    ...properties,
  },
});

export const SAMPLE_ORDER = commerceRecord('6101', {
  hs_currency_code: 'GBP',
  hs_fulfillment_status: 'Packing',
  hs_order_name: 'Order #1843',
  hs_total_price: '2400',
});

export const SAMPLE_CART = commerceRecord('6201', {
  hs_cart_name: 'Cart of ada.lovelace@example.com',
  hs_currency_code: 'GBP',
  hs_external_status: 'pending',
  hs_total_price: '1200',
});

export const SAMPLE_INVOICE = commerceRecord('6301', {
  hs_currency: 'GBP',
  hs_due_date: '2026-02-04',
  hs_invoice_status: 'draft',
  hs_number: 'INV-1001',
});

export const SAMPLE_QUOTE = commerceRecord('6401', {
  hs_expiration_date: '2026-02-28',
  hs_status: 'DRAFT',
  hs_title: 'Analytical engine, two licences',
});

export const SAMPLE_LEAD = commerceRecord('6501', {
  hs_lead_label: 'WARM',
  hs_lead_name: 'Ada Lovelace',
  hs_lead_type: 'NEW_BUSINESS',
});
