import { archiveRecordOperation } from '../objects/archiveRecord';
import { OBJECT_TYPE_INPUT, SAMPLE_OBJECT } from './sample';

export const archiveObject = archiveRecordOperation({
  key: 'archive_object',
  objectType: OBJECT_TYPE_INPUT,
  sample: SAMPLE_OBJECT,
});
