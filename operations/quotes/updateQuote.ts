import { withAvailability } from '../availability';
import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_QUOTE } from '../samples';

export const updateQuote = withAvailability(
  updateRecordOperation({ key: 'update_quote', objectType: 'quotes', sample: SAMPLE_QUOTE }),
  'quotes',
);
