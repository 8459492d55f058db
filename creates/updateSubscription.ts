import { updateSubscription } from '../operations/marketing/updateSubscription';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateSubscription);
