import { createInvoice } from '../operations/invoices/createInvoice';
import { renderCreate } from '../zapier/render';

export default renderCreate(createInvoice);
