import { contactPropertyChange } from '../operations/contacts/contactPropertyChange';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(contactPropertyChange);
