import { addToList } from '../operations/lists/addToList';
import { renderCreate } from '../zapier/render';

export default renderCreate(addToList);
