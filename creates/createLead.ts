import { createLead } from '../operations/leads/createLead';
import { renderCreate } from '../zapier/render';

export default renderCreate(createLead);
