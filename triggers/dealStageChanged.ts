import { dealStageChanged } from '../operations/deals/dealStageChanged';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(dealStageChanged);
