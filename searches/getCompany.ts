import { getCompany } from '../operations/companies/getCompany';
import { renderSearch } from '../zapier/render';

export default renderSearch(getCompany);
