import { batchUpdate } from '../operations/bulk/batchUpdate';
import { renderBufferedCreate } from '../zapier/render';

export default renderBufferedCreate(batchUpdate);
