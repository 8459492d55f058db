import { dealStageChangedInstant } from '../operations/instant/dealStageChangedInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(dealStageChangedInstant);
