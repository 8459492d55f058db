import { newOrUpdatedContact } from '../operations/contacts/newOrUpdatedContact';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newOrUpdatedContact);
