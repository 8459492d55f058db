import { newFormSubmission } from '../operations/forms/newFormSubmission';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newFormSubmission);
