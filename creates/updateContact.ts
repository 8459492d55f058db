import { updateContact } from '../operations/contacts/updateContact';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateContact);
