import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { dateTimeInput, emailInput, jsonObjectInput, optionalText } from '../inputs';
import { recordPicker } from '../recordDropdown';
import { isRecordId, requiredText } from '../records';
import { answer, input, path, type RequestSpec } from '../request';
import { CONTACTS, runDeclared } from '../runDeclared';
import type { InputFieldDef, OperationDef } from '../types';

/**
 * Creates a timeline event from one of the publishing app's event templates (`POST /integrators/timeline/v3/events`,
 * 201, scope `timeline`), on the record named by id or, for contact templates, e-mail. Templates belong to the app
 * behind the OAuth connection; listing them takes the app's developer API key, so the dropdown is filled only where
 * the publisher set `HUBSPOT_APP_ID` and `HUBSPOT_DEVELOPER_API_KEY` (Zapier); elsewhere the id is typed. HubSpot
 * offers v3 timeline events only to apps that already define templates.
 * https://developers.hubspot.com/docs/api/crm/timeline,
 * https://developers.hubspot.com/docs/api-reference/crm-timeline-v3/events/post-integrators-timeline-v3-events
 */
const REQUIREMENT =
  'a public app with timeline event templates (HubSpot keeps v3 timeline events to apps that have them)';

const templateField: InputFieldDef = {
  key: 'event_template_id',
  label: 'Event template',
  required: true,
  dropdown: { kind: 'timelineTemplates' },
  helpText: 'One of this app’s timeline event templates (its ID, shown in the app’s settings in HubSpot).',
};
const objectField: InputFieldDef = {
  key: 'object_id',
  label: 'Record ID',
  helpText:
    'The record of the template’s object type whose timeline shows the event; give it or the e-mail. The list shows contacts: for a company, deal or ticket template, map or type the record ID.',
  ...recordPicker('contacts'),
};
const emailField: InputFieldDef = {
  key: 'email',
  label: 'Contact e-mail',
  helpText: 'For contact templates, instead of the record ID.',
};
const tokensField: InputFieldDef = {
  key: 'tokens',
  label: 'Tokens',
  type: 'json',
  helpText:
    'A JSON object of the template’s token names to values, e.g. {"webinarName": "Pricing 101", "minutes": 42}.',
};
const extraField: InputFieldDef = {
  key: 'extra_data',
  label: 'Extra data',
  type: 'json',
  helpText: 'Any JSON object the template’s detail text reads as `extraData` (optional).',
};
const idField: InputFieldDef = {
  key: 'event_reference',
  label: 'Event reference',
  helpText:
    'A unique reference of your own (e.g. "webinar-42-ada"), sent as the event’s id: HubSpot refuses a second event with it, so a replayed run cannot add it twice.',
};
const timestampField: InputFieldDef = {
  key: 'timestamp',
  label: 'When',
  type: 'datetime',
  helpText: 'Now when empty.',
};

/** 201 with the event. Token values go as given: HubSpot checks them against the template's token types. */
const CREATE: RequestSpec = {
  method: 'POST',
  path: path(paths.timeline.events),
  body: {
    eventTemplateId: input('event_template_id'),
    objectId: input('object_id', { optional: true, recordId: true }),
    email: input('email', { optional: true }),
    tokens: input('tokens', { optional: true, json: true }),
    extraData: input('extra_data', { optional: true, json: true }),
    id: input('event_reference', { optional: true }),
    timestamp: input('timestamp', { optional: true }),
  },
  output: {
    kind: 'fixed',
    fields: {
      id: answer('id'),
      eventTemplateId: answer('eventTemplateId'),
      objectType: answer('objectType'),
      objectId: answer('objectId'),
      timestamp: answer('timestamp'),
      tokens: answer('tokens'),
    },
  },
};

export const createTimelineEvent: OperationDef = {
  key: 'create_timeline_event',
  kind: 'create',
  noun: 'Timeline Event',
  label: 'Create Timeline Event',
  description: 'Adds an event from one of this app’s event templates to a record’s timeline.',
  inputFields: [templateField, objectField, emailField, tokensField, extraField, idField, timestampField],
  outputFields: [
    { key: 'id', label: 'Event ID' },
    { key: 'eventTemplateId', label: 'Event template ID' },
    { key: 'objectType', label: 'Object type' },
    { key: 'objectId', label: 'Record ID' },
    { key: 'timestamp', label: 'When', type: 'datetime' },
  ],
  sample: {
    id: 'webinar-2026-01-05-ada',
    eventTemplateId: '1001298',
    objectType: 'contacts',
    objectId: '1001',
    timestamp: '2026-01-05T09:00:00.000Z',
    tokens: { webinarName: 'Pricing 101', minutes: '42' },
  },
  calls: { endpoints: declaredEndpoints([CREATE], CONTACTS), perRun: '1' },
  requests: [CREATE],
  code: {
    reason: 'One of record ID or e-mail must be given; inputs are checked before sending, naming the field.',
  },
  async perform(ctx) {
    requiredText(ctx, templateField.key, templateField.label);
    const objectId = optionalText(ctx, objectField);
    const email = emailInput(ctx, emailField, false);
    if (!objectId && !email)
      throw new FieldValidationError(
        objectField.key,
        objectField.label,
        'is required unless a contact e-mail is given.',
      );
    if (objectId && !isRecordId(objectId))
      throw new FieldValidationError(objectField.key, objectField.label, `"${objectId}" is not a record ID.`);
    jsonObjectInput(ctx, tokensField);
    jsonObjectInput(ctx, extraField);
    dateTimeInput(ctx, timestampField);
    return runDeclared(ctx, createTimelineEvent, [CREATE], { requirement: REQUIREMENT });
  },
};
