import { findDeal } from '../operations/deals/findDeal';
import { renderSearch } from '../zapier/render';

export default renderSearch(findDeal);
