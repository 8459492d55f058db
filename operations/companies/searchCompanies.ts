import { searchRecordsOperation } from '../objects/searchRecords';
import { SAMPLE_COMPANY } from '../samples';

export const searchCompanies = searchRecordsOperation({
  key: 'search_companies',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
});
