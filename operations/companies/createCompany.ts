import { createRecordOperation } from '../objects/createRecord';
import { SAMPLE_COMPANY } from '../samples';

export const createCompany = createRecordOperation({
  key: 'create_company',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
  associateWith: ['contacts', 'deals', 'tickets'],
  // HubSpot does not keep domains unique; Find or Create Company matches on it and keeps the first company.
  matchOn: 'domain',
});
