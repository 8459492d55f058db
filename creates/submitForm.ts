import { submitForm } from '../operations/forms/submitForm';
import { renderCreate } from '../zapier/render';

export default renderCreate(submitForm);
