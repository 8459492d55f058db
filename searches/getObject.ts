import { getObject } from '../operations/anyObject/getObject';
import { renderSearch } from '../zapier/render';

export default renderSearch(getObject);
