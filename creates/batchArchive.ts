import { batchArchive } from '../operations/bulk/batchArchive';
import { renderBufferedCreate } from '../zapier/render';

export default renderBufferedCreate(batchArchive);
