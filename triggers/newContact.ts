import { newContact } from '../operations/contacts/newContact';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newContact);
