import { withAvailability } from '../availability';
import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_QUOTE } from '../samples';

export const findQuote = withAvailability(
  findRecordOperation({
    key: 'find_quote',
    objectType: 'quotes',
    sample: SAMPLE_QUOTE,
    searchPropertyDefault: 'hs_title',
  }),
  'quotes',
);
