import { newListMemberInstant } from '../operations/instant/newListMemberInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(newListMemberInstant);
