import { newOrUpdatedDeal } from '../operations/deals/newOrUpdatedDeal';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newOrUpdatedDeal);
