import { findOwner } from '../operations/owners/findOwner';
import { renderSearch } from '../zapier/render';

export default renderSearch(findOwner);
