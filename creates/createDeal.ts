import { createDeal } from '../operations/deals/createDeal';
import { renderCreate } from '../zapier/render';

export default renderCreate(createDeal);
