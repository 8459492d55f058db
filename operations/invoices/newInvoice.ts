import { withAvailability } from '../availability';
import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_INVOICE } from '../samples';

export const newInvoice = withAvailability(
  newRecordTrigger({ key: 'new_invoice', objectType: 'invoices', sample: SAMPLE_INVOICE }),
  'invoices',
);
