import { objectPropertyChange } from '../operations/anyObject/objectPropertyChange';
import { renderTrigger } from '../zapier/render';

export default renderTrigger(objectPropertyChange);
