import { withAvailability } from '../availability';
import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_INVOICE } from '../samples';

export const findInvoice = withAvailability(
  findRecordOperation({
    key: 'find_invoice',
    objectType: 'invoices',
    sample: SAMPLE_INVOICE,
    searchPropertyDefault: 'hs_number',
  }),
  'invoices',
);
