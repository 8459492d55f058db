import { batchUpsert } from '../operations/bulk/batchUpsert';
import { renderBufferedCreate } from '../zapier/render';

export default renderBufferedCreate(batchUpsert);
