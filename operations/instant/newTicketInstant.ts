import { newTicket } from '../tickets/newTicket';
import { instantTrigger } from './build';
import { sampleEvent } from './samples';

export const newTicketInstant = instantTrigger({
  key: 'new_ticket_instant',
  polling: newTicket,
  event: 'creation',
  objectType: 'tickets',
  label: 'New Ticket',
  description: 'Triggers when a new ticket is created.',
  sampleEvent: sampleEvent(String(newTicket.sample.id), 'creation'),
});
