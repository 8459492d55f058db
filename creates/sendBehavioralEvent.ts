import { sendBehavioralEvent } from '../operations/marketing/sendBehavioralEvent';
import { renderCreate } from '../zapier/render';

export default renderCreate(sendBehavioralEvent);
