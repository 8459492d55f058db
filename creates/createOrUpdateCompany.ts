import { createOrUpdateCompany } from '../operations/companies/createOrUpdateCompany';
import { renderCreate } from '../zapier/render';

export default renderCreate(createOrUpdateCompany);
