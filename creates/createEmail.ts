import { createEmail } from '../operations/engagements/createEmail';
import { renderCreate } from '../zapier/render';

export default renderCreate(createEmail);
