import { createMeeting } from '../operations/engagements/createMeeting';
import { renderCreate } from '../zapier/render';

export default renderCreate(createMeeting);
