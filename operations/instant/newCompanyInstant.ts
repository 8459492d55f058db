import { newCompany } from '../companies/newCompany';
import { instantTrigger } from './build';
import { sampleEvent } from './samples';

export const newCompanyInstant = instantTrigger({
  key: 'new_company_instant',
  polling: newCompany,
  event: 'creation',
  objectType: 'companies',
  label: 'New Company',
  description: 'Triggers when a new company is created.',
  sampleEvent: sampleEvent(String(newCompany.sample.id), 'creation'),
});
