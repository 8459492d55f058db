import { getDeal } from '../operations/deals/getDeal';
import { renderSearch } from '../zapier/render';

export default renderSearch(getDeal);
