import { createTask } from '../operations/engagements/createTask';
import { renderCreate } from '../zapier/render';

export default renderCreate(createTask);
