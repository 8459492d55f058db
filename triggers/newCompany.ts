import { newCompany } from '../operations/companies/newCompany';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newCompany);
