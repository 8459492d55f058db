import { updateDeal } from '../operations/deals/updateDeal';
import { renderCreate } from '../zapier/render';

export default renderCreate(updateDeal);
