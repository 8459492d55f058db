import { searchCompanies } from '../operations/companies/searchCompanies';
import { renderSearch } from '../zapier/render';

export default renderSearch(searchCompanies);
