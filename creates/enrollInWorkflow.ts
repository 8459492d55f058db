import { enrollInWorkflow } from '../operations/automation/enrollInWorkflow';
import { renderCreate } from '../zapier/render';

export default renderCreate(enrollInWorkflow);
