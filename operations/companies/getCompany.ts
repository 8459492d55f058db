import { getRecordOperation } from '../objects/getRecord';
import { SAMPLE_COMPANY } from '../samples';

export const getCompany = getRecordOperation({
  key: 'get_company',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
});
