import { newOrUpdatedCompany } from '../operations/companies/newOrUpdatedCompany';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newOrUpdatedCompany);
