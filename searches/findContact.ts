import { findContact } from '../operations/contacts/findContact';
import { renderSearch } from '../zapier/render';

export default renderSearch(findContact);
