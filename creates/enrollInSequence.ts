import { enrollInSequence } from '../operations/automation/enrollInSequence';
import { renderCreate } from '../zapier/render';

export default renderCreate(enrollInSequence);
