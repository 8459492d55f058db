import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { dateTimeInput, emailInput, jsonObjectInput, optionalText } from '../inputs';
import { recordPicker } from '../recordDropdown';
import { isRecordId, requiredText } from '../records';
import { input, path, type RequestSpec } from '../request';
import { CONTACTS, runDeclared } from '../runDeclared';
import type { InputFieldDef, OperationDef } from '../types';

/**
 * Sends one occurrence of a custom behavioral event (`POST /events/v3/send`, 204), for a contact named by e-mail or
 * record id, with the event's properties. Custom events need an Enterprise hub; scope
 * `analytics.behavioral_events.send` (and `behavioral_events.event_definitions.read_write` for the dropdown).
 * https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide
 */
const REQUIREMENT =
  'a Marketing, Sales, Service, Content or Data Hub Enterprise subscription (custom events)';

const eventField: InputFieldDef = {
  key: 'event_name',
  label: 'Event',
  required: true,
  dropdown: { kind: 'eventDefinitions' },
  helpText:
    'A custom event of the account (its fully qualified name, `pe{account id}_{name}`). Needs an Enterprise hub.',
};
const emailField: InputFieldDef = {
  key: 'email',
  label: 'Contact e-mail',
  helpText: 'Who the event happened to. Give the e-mail or the contact ID.',
};
const contactField: InputFieldDef = {
  key: 'object_id',
  label: 'Contact ID',
  helpText: 'Instead of the e-mail.',
  ...recordPicker('contacts'),
};
const occurredField: InputFieldDef = {
  key: 'occurred_at',
  label: 'Occurred at',
  type: 'datetime',
  helpText:
    'When it happened (ISO 8601, e.g. 2026-01-31T09:00:00Z); HubSpot uses the time it receives it when empty.',
};
const propertiesField: InputFieldDef = {
  key: 'properties',
  label: 'Event properties',
  type: 'json',
  helpText: 'A JSON object of the event’s property names to values, e.g. {"plan": "pro"}.',
};

/** 204, no body: the output repeats what was sent. Without "occurred at", HubSpot stamps the occurrence itself. */
const SEND: RequestSpec = {
  method: 'POST',
  path: path(paths.events.send),
  body: {
    eventName: input('event_name'),
    email: input('email', { optional: true }),
    objectId: input('object_id', { optional: true, recordId: true }),
    occurredAt: input('occurred_at', { optional: true }),
    properties: input('properties', { optional: true, json: true }),
  },
  output: {
    kind: 'fixed',
    fields: {
      event_name: input('event_name'),
      email: input('email', { optional: true }),
      object_id: input('object_id', { optional: true }),
      occurred_at: input('occurred_at', { optional: true }),
      sent: true,
    },
  },
};

export const sendBehavioralEvent: OperationDef = {
  key: 'send_behavioral_event',
  kind: 'create',
  noun: 'Behavioral Event',
  label: 'Send Custom Behavioral Event',
  description: 'Records an occurrence of a custom behavioral event for a contact.',
  inputFields: [eventField, emailField, contactField, occurredField, propertiesField],
  outputFields: [
    { key: 'event_name', label: 'Event' },
    { key: 'email', label: 'Contact e-mail' },
    { key: 'object_id', label: 'Contact ID' },
    { key: 'occurred_at', label: 'Occurred at', type: 'datetime' },
  ],
  sample: {
    event_name: 'pe62515_app_login',
    email: 'ada.lovelace@example.com',
    occurred_at: '2026-01-05T09:00:00.000Z',
    sent: true,
  },
  calls: { endpoints: declaredEndpoints([SEND], CONTACTS), perRun: '1' },
  requests: [SEND],
  code: {
    reason:
      'One of e-mail or contact ID must be given, and each is checked before sending, naming the field.',
  },
  async perform(ctx) {
    requiredText(ctx, eventField.key, eventField.label);
    const email = emailInput(ctx, emailField, false);
    const objectId = optionalText(ctx, contactField);
    if (!email && !objectId)
      throw new FieldValidationError(
        emailField.key,
        emailField.label,
        'is required unless a Contact ID is given.',
      );
    if (objectId && !isRecordId(objectId))
      throw new FieldValidationError(
        contactField.key,
        contactField.label,
        `"${objectId}" is not a record ID.`,
      );
    dateTimeInput(ctx, occurredField);
    jsonObjectInput(ctx, propertiesField);
    return runDeclared(ctx, sendBehavioralEvent, [SEND], { requirement: REQUIREMENT });
  },
};
