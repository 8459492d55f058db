import { sendTransactionalEmail } from '../operations/marketing/sendTransactionalEmail';
import { renderCreate } from '../zapier/render';

export default renderCreate(sendTransactionalEmail);
