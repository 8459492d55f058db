import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_LINE_ITEM } from '../samples';

export const newLineItem = newRecordTrigger({
  key: 'new_line_item',
  objectType: 'line_items',
  sample: SAMPLE_LINE_ITEM,
});
