import { updateRecordOperation } from '../objects/updateRecord';
import { SAMPLE_LINE_ITEM } from '../samples';

/** A quantity, price or discount change on a deal's line item. */
export const updateLineItem = updateRecordOperation({
  key: 'update_line_item',
  objectType: 'line_items',
  sample: SAMPLE_LINE_ITEM,
});
