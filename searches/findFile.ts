import { findFile } from '../operations/files/findFile';
import { renderSearch } from '../zapier/render';

export default renderSearch(findFile);
