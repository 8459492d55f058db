import { objectDeletedInstant } from '../operations/instant/objectDeletedInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(objectDeletedInstant);
