import { newInvoice } from '../operations/invoices/newInvoice';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newInvoice);
