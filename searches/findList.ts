import { findList } from '../operations/lists/findList';
import { renderSearch } from '../zapier/render';

export default renderSearch(findList);
