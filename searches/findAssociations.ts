import { findAssociations } from '../operations/associations/findAssociations';
import { renderSearch } from '../zapier/render';

export default renderSearch(findAssociations);
