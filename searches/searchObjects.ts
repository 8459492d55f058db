import { searchObjects } from '../operations/anyObject/searchObjects';
import { renderSearch } from '../zapier/render';

export default renderSearch(searchObjects);
