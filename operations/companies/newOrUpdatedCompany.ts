import { newOrUpdatedRecordTrigger } from '../objects/triggers';
import { SAMPLE_COMPANY } from '../samples';

export const newOrUpdatedCompany = newOrUpdatedRecordTrigger({
  key: 'new_or_updated_company',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
});
