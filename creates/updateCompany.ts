import { updateCompany } from '../operations/companies/updateCompany';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateCompany);
