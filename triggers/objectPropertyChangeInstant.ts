import { objectPropertyChangeInstant } from '../operations/instant/objectPropertyChangeInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(objectPropertyChangeInstant);
