import { uploadFile } from '../operations/files/uploadFile';
import { renderCreate } from '../zapier/render';

export default renderCreate(uploadFile);
