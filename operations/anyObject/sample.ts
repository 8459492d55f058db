/** An example custom object record ("Cars"), shown before the user's own data exists. */
export const SAMPLE_OBJECT = {
  id: '18237465',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  archived: false,
  properties: {
    hs_createdate: '2026-01-05T09:00:00.000Z',
    hs_lastmodifieddate: '2026-01-05T09:00:00.000Z',
    hs_object_id: '18237465',
    make: 'Volvo',
    model: 'EX30',
  },
};

/** The step field where the user picks the object type. */
export const OBJECT_TYPE_INPUT = { fromInput: 'object_type' } as const;
