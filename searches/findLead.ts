import { findLead } from '../operations/leads/findLead';
import { renderSearch } from '../zapier/render';

export default renderSearch(findLead);
