import { updateLead } from '../operations/leads/updateLead';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateLead);
