import { createAssociation } from '../operations/associations/createAssociation';
import { renderCreate } from '../zapier/render';

export default renderCreate(createAssociation);
