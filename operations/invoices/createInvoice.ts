import { withAvailability } from '../availability';
import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_INVOICE } from '../samples';

export const createInvoice = withAvailability(
  createRecordOperation({
    key: 'create_invoice',
    objectType: 'invoices',
    sample: SAMPLE_INVOICE,
  }),
  'invoices',
);
