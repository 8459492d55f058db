import { createOrUpdateContact } from '../operations/contacts/createOrUpdateContact';
import { renderCreate } from '../zapier/render';

export default renderCreate(createOrUpdateContact);
