import { createCall } from '../operations/engagements/createCall';
import { renderCreate } from '../zapier/render';

export default renderCreate(createCall);
