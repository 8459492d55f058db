import { getContact } from '../operations/contacts/getContact';
import { renderSearch } from '../zapier/render';

export default renderSearch(getContact);
