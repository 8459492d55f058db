import { newCompanyInstant } from '../operations/instant/newCompanyInstant';
import { renderHookTrigger } from '../zapier/hooks';

export default renderHookTrigger(newCompanyInstant);
