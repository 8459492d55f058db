import { withAvailability } from '../availability';
import { archiveRecordOperation } from '../objects/archiveRecord';
import { SAMPLE_ORDER } from '../samples';

export const archiveOrder = withAvailability(
  archiveRecordOperation({ key: 'archive_order', objectType: 'orders', sample: SAMPLE_ORDER }),
  'orders',
);
