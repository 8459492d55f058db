import { contactPropertyChangeInstant } from '../operations/instant/contactPropertyChangeInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(contactPropertyChangeInstant);
