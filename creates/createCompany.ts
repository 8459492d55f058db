import { createCompany } from '../operations/companies/createCompany';
import { renderCreate } from '../zapier/render';

export default renderCreate(createCompany);
