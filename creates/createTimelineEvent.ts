import { createTimelineEvent } from '../operations/marketing/createTimelineEvent';
import { renderCreate } from '../zapier/render';

export default renderCreate(createTimelineEvent);
