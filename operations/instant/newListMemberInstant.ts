import { FieldValidationError } from '../../hubspot/coerce';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import type { RelayEvent } from '../../relay/contract';
import { listIdField, notAListId } from '../lists/common';
import { newListMember } from '../lists/newListMember';
import { customObjectType } from '../objectTypeRef';
import { isRecordId } from '../records';
import { PROPERTIES_TO_RETRIEVE } from '../retrievedProperties';
import type { InputFieldDef, OutputFieldDef } from '../types';
import { EVENT_OUTPUT_FIELDS, GONE_RECORD_HELP, RECORD_TIME_FIELDS } from './fields';
import { deliveryItems } from './items';
import { sampleEvent } from './samples';
import type { InstantTriggerDef } from './types';

/**
 * New List Member over the relay: HubSpot's webhooks journal reports `ADDED_TO_LIST` and `REMOVED_FROM_LIST` per
 * record and list (`LIST_MEMBERSHIP` subscriptions,
 * https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/subscriptions/create-subscription), so
 * unlike the polling trigger it needs no join-order paging, which is what keeps the polling one off Make. The relay
 * reads the list's object type itself; the members are read in one batch read per delivery, of the type each event
 * names. Removals are delivered too and dropped here unless asked for (the relay's filter is the list, not the
 * direction), so one relay subscription serves both choices.
 */

export const INCLUDE_REMOVALS = 'include_removals';

const includeRemovalsField: InputFieldDef = {
  key: INCLUDE_REMOVALS,
  label: 'Also trigger on removals',
  type: 'boolean',
  default: 'false',
  helpText:
    'Yes: also trigger when a record leaves the list (Removed from list: true). No: only records added to the list.',
};

export const LIST_EVENT_FIELDS: readonly OutputFieldDef[] = [
  { key: 'list_id', label: 'List ID', type: 'string' },
  { key: 'membership_removed', label: 'Removed from list', type: 'boolean' },
];

const yes = (v: unknown) => v === true || v === 'true' || v === 'yes';

/** Present, and digits when it is a value (on Make it is rendered as `{{parameters.list_id}}`; the relay checks it). */
function listIdOf(input: Record<string, unknown>): string {
  const listId = String(input[listIdField.key] ?? '').trim();
  if (!listId) throw new FieldValidationError(listIdField.key, listIdField.label, 'is required.');
  if (!listId.startsWith('{{') && !isRecordId(listId))
    throw new FieldValidationError(listIdField.key, listIdField.label, notAListId(listId));
  return listId;
}

const retrieve = newListMember.inputFields.find((f) => f.key === PROPERTIES_TO_RETRIEVE)!;

export const newListMemberInstant: InstantTriggerDef = {
  key: 'new_list_member_instant',
  noun: newListMember.noun,
  label: 'New List Member (Instant)',
  description:
    'Triggers when a record (such as a contact) is added to a list, and optionally when one is removed from it.',
  inputFields: [
    {
      ...listIdField,
      helpText:
        'The list to watch. Any list: an active list’s members join and leave as its filters match. Needs the ' +
        'events relay to read the webhooks journal.',
    },
    includeRemovalsField,
    { ...retrieve, helpText: `${retrieve.helpText} ${GONE_RECORD_HELP}` },
  ],
  outputFields: [
    ...EVENT_OUTPUT_FIELDS,
    ...LIST_EVENT_FIELDS,
    ...RECORD_TIME_FIELDS,
    ...newListMember.outputFields.filter((f) => f.key.startsWith('properties__')),
  ],
  // Lists are mostly of contacts: their properties label the output, as on the polling trigger.
  outputProperties: 'contacts',
  sample: {
    ...sampleEvent(String(newListMember.sample.record_id), 'listMembership', {
      list_id: String(newListMember.sample.list_id),
      membership_removed: false,
    }),
    createdAt: '2026-01-05T08:55:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    archived: false,
    properties: newListMember.sample.properties,
  },
  polling: newListMember,
  event: 'listMembership',
  objectType: 'contacts',
  subscription(input) {
    return { event: 'listMembership', listId: listIdOf(input) };
  },
  async items(ctx, delivery) {
    const listId = listIdOf(ctx.input);
    const removals = yes(ctx.input[INCLUDE_REMOVALS]);
    const events = (delivery?.events ?? []).filter(
      (e: RelayEvent) => e.list?.listId === listId && (removals || !e.list.removed),
    );
    const typeId = events[0]?.objectTypeId ?? delivery?.objectType ?? '0-1';
    const type = findStandardObjectType(typeId) ?? customObjectType(typeId);
    return deliveryItems(ctx, type, { ...delivery, events });
  },
  calls: {
    endpoints: [`POST ${paths.objects.batch('{objectType}', 'read')}`],
    perRun: '1 batch read per delivery of up to 100 events; none on subscribe and unsubscribe (relay calls)',
  },
};
