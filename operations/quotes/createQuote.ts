import { withAvailability } from '../availability';
import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_QUOTE } from '../samples';

export const createQuote = withAvailability(
  createRecordOperation({
    key: 'create_quote',
    objectType: 'quotes',
    sample: SAMPLE_QUOTE,
    // What HubSpot's guide says a create must include: https://developers.hubspot.com/docs/api-reference/latest/crm/objects/quotes/guide
    requiredProperties: ['hs_title', 'hs_expiration_date'],
  }),
  'quotes',
);
