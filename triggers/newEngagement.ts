import { newEngagement } from '../operations/engagements/newEngagement';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newEngagement);
