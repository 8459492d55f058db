import { STANDARD_OBJECT_TYPES } from '../../hubspot/objectTypes';
import { newRecordTrigger } from '../objects/triggers';
import { SAMPLE_NOTE } from './samples';

/** Fires once per new note, task, call, meeting or e-mail (the type chosen in the step). */
export const newEngagement = newRecordTrigger({
  key: 'new_engagement',
  objectType: { fromInput: 'engagement_type' },
  noun: 'Engagement',
  typeLabel: 'Engagement type',
  typeHelp: 'The kind of activity to watch (one kind per trigger).',
  typeChoices: STANDARD_OBJECT_TYPES.filter((t) => t.engagement).map((t) => ({
    value: t.name,
    label: t.plural,
  })),
  sample: SAMPLE_NOTE,
});
