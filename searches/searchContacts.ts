import { searchContacts } from '../operations/contacts/searchContacts';
import { renderSearch } from '../zapier/render';

export default renderSearch(searchContacts);
