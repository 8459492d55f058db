import { updateInvoice } from '../operations/invoices/updateInvoice';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateInvoice);
