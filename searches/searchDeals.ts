import { searchDeals } from '../operations/deals/searchDeals';
import { renderSearch } from '../zapier/render';

export default renderSearch(searchDeals);
