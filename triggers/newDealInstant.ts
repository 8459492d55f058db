import { newDealInstant } from '../operations/instant/newDealInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(newDealInstant);
