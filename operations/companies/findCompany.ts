import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_COMPANY } from '../samples';

export const findCompany = findRecordOperation({
  key: 'find_company',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
  searchPropertyDefault: 'domain',
});
