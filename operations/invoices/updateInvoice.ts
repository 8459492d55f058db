import { withAvailability } from '../availability';
import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_INVOICE } from '../samples';

export const updateInvoice = withAvailability(
  updateRecordOperation({ key: 'update_invoice', objectType: 'invoices', sample: SAMPLE_INVOICE }),
  'invoices',
);
