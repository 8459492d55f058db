import { newListMember } from '../operations/lists/newListMember';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(newListMember);
