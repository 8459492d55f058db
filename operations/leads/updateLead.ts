import { withAvailability } from '../availability';
import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_LEAD } from '../samples';

export const updateLead = withAvailability(
  updateRecordOperation({ key: 'update_lead', objectType: 'leads', sample: SAMPLE_LEAD }),
  'leads',
);
