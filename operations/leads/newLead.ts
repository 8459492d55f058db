import { withAvailability } from '../availability';
import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_LEAD } from '../samples';

export const newLead = withAvailability(
  newRecordTrigger({ key: 'new_lead', objectType: 'leads', sample: SAMPLE_LEAD }),
  'leads',
);
