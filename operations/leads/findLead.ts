import { withAvailability } from '../availability';
import { findRecordOperation } from '../objects/findRecord';
import { SAMPLE_LEAD } from '../samples';

export const findLead = withAvailability(
  findRecordOperation({
    key: 'find_lead',
    objectType: 'leads',
    sample: SAMPLE_LEAD,
    searchPropertyDefault: 'hs_lead_name',
  }),
  'leads',
);
