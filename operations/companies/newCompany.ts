import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_COMPANY } from '../samples';

export const newCompany = newRecordTrigger({
  key: 'new_company',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
});
