import { findObject } from '../operations/anyObject/findObject';
import { renderSearch } from '../zapier/render';

export default renderSearch(findObject);
