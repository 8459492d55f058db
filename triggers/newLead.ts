import { newLead } from '../operations/leads/newLead';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newLead);
