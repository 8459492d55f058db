import { findStandardObjectType } from '../../hubspot/objectTypes';
import { mergeRecordsOperation } from '../objects/mergeRecords';
import { SAMPLE_OBJECT } from './sample';

/** The CRM objects HubSpot merges: https://developers.hubspot.com/docs/api/crm/understanding-the-crm (merge). */
const MERGEABLE = ['contacts', 'companies', 'deals', 'tickets'] as const;

export const mergeRecords = mergeRecordsOperation({
  key: 'merge_records',
  objectType: { fromInput: 'object_type' },
  typeHelp: 'HubSpot merges records of these types only, two of the same type at a time.',
  typeChoices: MERGEABLE.map((name) => ({ value: name, label: findStandardObjectType(name)!.plural })),
  sample: SAMPLE_OBJECT,
});
