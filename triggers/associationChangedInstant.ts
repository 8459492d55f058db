import { associationChangedInstant } from '../operations/instant/associationChangedInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(associationChangedInstant);
