import { createNote } from '../operations/engagements/createNote';
import { renderCreate } from '../zapier/render';

export default renderCreate(createNote);
