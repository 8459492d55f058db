import { removeAssociation } from '../operations/associations/removeAssociation';
import { renderCreate } from '../zapier/render';

export default renderCreate(removeAssociation);
