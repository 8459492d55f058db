import { recordsMergedInstant } from '../operations/instant/recordsMergedInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(recordsMergedInstant);
