import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { dateTimeInput, emailInput, jsonObjectInput, optionalText } from '../inputs';
import { recordPicker } from '../recordDropdown';
import { isRecordId, requiredText } from '../records';
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
  calls: { endpoints: [`POST ${paths.timeline.events()}`], perRun: '1' },
  async perform(ctx) {
    const eventTemplateId = requiredText(ctx, templateField.key, templateField.label);
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
    const tokens = jsonObjectInput(ctx, tokensField);
    const extraData = jsonObjectInput(ctx, extraField);
    const id = optionalText(ctx, idField);
    const timestamp = dateTimeInput(ctx, timestampField);
    const { data } = await ctx.api.request<Record<string, unknown>>({
      method: 'POST',
      path: paths.timeline.events(),
      json: {
        eventTemplateId,
        ...(objectId ? { objectId } : { email }),
        tokens: Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, String(v)])),
        ...(Object.keys(extraData).length > 0 ? { extraData } : {}),
        ...(id ? { id } : {}),
        ...(timestamp ? { timestamp } : {}),
      },
      errorContext: { requirement: REQUIREMENT },
    });
    return { ...data };
  },
};
