import { newContactInstant } from '../operations/instant/newContactInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(newContactInstant);
