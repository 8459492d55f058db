import { newContact } from '../contacts/newContact';
import { instantTrigger } from './build';
import { sampleEvent } from './samples';

export const newContactInstant = instantTrigger({
  key: 'new_contact_instant',
  polling: newContact,
  event: 'creation',
  objectType: 'contacts',
  label: 'New Contact',
  description: 'Triggers when a new contact is created.',
  sampleEvent: sampleEvent(String(newContact.sample.id), 'creation'),
});
