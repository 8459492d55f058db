import { mergeRecords } from '../operations/anyObject/mergeRecords';
import { renderCreate } from '../zapier/render';

export default renderCreate(mergeRecords);
