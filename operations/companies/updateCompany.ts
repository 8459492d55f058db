import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_COMPANY } from '../samples';

export const updateCompany = updateRecordOperation({
  key: 'update_company',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
});
