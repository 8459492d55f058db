import { withAvailability } from '../availability';
import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_QUOTE } from '../samples';

export const newQuote = withAvailability(
  newRecordTrigger({ key: 'new_quote', objectType: 'quotes', sample: SAMPLE_QUOTE }),
  'quotes',
);
