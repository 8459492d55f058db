import { newDeal } from '../operations/deals/newDeal';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newDeal);
