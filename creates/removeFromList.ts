import { removeFromList } from '../operations/lists/removeFromList';
import { renderCreate } from '../zapier/render';

export default renderCreate(removeFromList);
