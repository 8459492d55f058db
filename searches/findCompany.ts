import { findCompany } from '../operations/companies/findCompany';
import { renderSearch } from '../zapier/render';

export default renderSearch(findCompany);
