import { findInvoice } from '../operations/invoices/findInvoice';
import { renderSearch } from '../zapier/render';

export default renderSearch(findInvoice);
