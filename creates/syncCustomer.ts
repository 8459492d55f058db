import { syncCustomer } from '../operations/customers/syncCustomer';
import { renderCreate } from '../zapier/render';

export default renderCreate(syncCustomer);
