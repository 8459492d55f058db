import { newObjectInstant } from '../operations/instant/newObjectInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(newObjectInstant);
