import { newDeal } from '../deals/newDeal';
import { instantTrigger } from './build';
import { sampleEvent } from './samples';

export const newDealInstant = instantTrigger({
  key: 'new_deal_instant',
  polling: newDeal,
  event: 'creation',
  objectType: 'deals',
  label: 'New Deal',
  description: 'Triggers when a new deal is created.',
  sampleEvent: sampleEvent(String(newDeal.sample.id), 'creation'),
});
