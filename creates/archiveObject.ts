import { archiveObject } from '../operations/anyObject/archiveObject';
import { renderCreate } from '../zapier/render';

export default renderCreate(archiveObject);
