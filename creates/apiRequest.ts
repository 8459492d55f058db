import { apiRequest } from '../operations/api/apiRequest';
import { renderCreate } from '../zapier/render';

export default renderCreate(apiRequest);
