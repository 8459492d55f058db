import { createContact } from '../operations/contacts/createContact';
import { renderCreate } from '../zapier/render';

export default renderCreate(createContact);
