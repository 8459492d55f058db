import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { objectType, outputFieldsFor } from '../objects/common';
import { createRequest } from '../objects/createRecord';
import { recordPicker } from '../recordDropdown';
import { requiredText } from '../records';
import {
  checkPropertiesToRetrieve,
  propertiesToRetrieveField,
  RETRIEVE_CODE,
  RETRIEVE_READ,
  withRetrievedProperties,
} from '../retrievedProperties';
import { runRequests, runState, stepProperties } from '../runRequests';
import type { InputFieldDef, OperationDef, OperationResult } from '../types';
import { titleCase, withArticle } from '../wording';

/**
 * Creates a note, task, call, meeting or e-mail in ONE call, associated with the records it concerns:
 * `POST /crm/v3/objects/{type}` with inline `associations` (HubSpot's default type ids from
 * `hubspot/associationTypes.ts`). `hs_timestamp` places the activity on the timeline and is required; what the user
 * maps (ISO, epoch ms or seconds, a date in their time zone) is coerced by its property definition to what HubSpot
 * accepts. https://developers.hubspot.com/docs/api/crm/engagements (notes, tasks, calls, meetings, emails)
 */

export interface EngagementConfig {
  key: string;
  objectType: 'notes' | 'tasks' | 'calls' | 'meetings' | 'emails';
  /** What `hs_timestamp` means for this type ("Due date" on a task). */
  timestampLabel: string;
  sample: Record<string, unknown>;
}

/** The record types an engagement can be attached to from the step, with their input keys. */
const TARGETS = [
  { key: 'contact_ids', type: 'contacts' },
  { key: 'company_ids', type: 'companies' },
  { key: 'deal_ids', type: 'deals' },
  { key: 'ticket_ids', type: 'tickets' },
] as const;

const TIMESTAMP = 'hs_timestamp';

/** Why an engagement create runs code around its declared request. */
const TIMESTAMP_CODE =
  "hs_timestamp is coerced by its property definition (a date in the user's time zone, ISO, epoch seconds or ms) " +
  'and sent in epoch milliseconds, as the engagement docs give it (HubSpot accepts the ISO 8601 a date field sends ' +
  'too); besides, ' +
  RETRIEVE_CODE.charAt(0).toLowerCase() +
  RETRIEVE_CODE.slice(1);

export function createEngagementOperation(config: EngagementConfig): OperationDef {
  const type = objectType(config.objectType);
  const noun = type.singular.toLowerCase();
  const targetFields: InputFieldDef[] = TARGETS.map(({ key, type: target }) => ({
    key,
    label: `Associated ${objectType(target).singular.toLowerCase()} IDs`,
    list: true,
    required: false,
    ...recordPicker(target),
    helpText: `HubSpot record IDs of the ${objectType(target).plural.toLowerCase()} this ${noun} concerns.`,
  }));
  const request = createRequest({
    associations: TARGETS.map(({ key, type: toType }) => ({ input: key, toType, list: true })),
  });
  const def: OperationDef = {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    objectType: type.name,
    label: titleCase(`Create ${type.singular}`),
    description: `Creates ${withArticle(noun)} on the timeline of the contacts, companies, deals or tickets it concerns.`,
    inputFields: [
      {
        key: TIMESTAMP,
        label: config.timestampLabel,
        type: 'datetime',
        required: true,
        helpText: `When the ${noun} happened (or is due); places it on the timeline. A date and time, or epoch milliseconds.`,
      },
      ...targetFields,
      propertiesToRetrieveField(type.name),
    ],
    propertyFields: { objectType: type.name, purpose: 'create', exclude: [TIMESTAMP] },
    outputFields: [
      ...outputFieldsFor(type),
      ...TARGETS.map(({ type: target }) => ({
        key: `associated_ids__${target}`,
        label: `Associated ${target}`,
      })),
    ],
    outputProperties: type.name,
    sample: config.sample,
    calls: {
      endpoints: [...declaredEndpoints([request], type), `GET ${paths.objects.one(type.name, '{id}')}`],
      perRun: `1; ${RETRIEVE_READ}`,
    },
    requests: [request],
    code: { reason: TIMESTAMP_CODE },
    async perform(ctx) {
      requiredText(ctx, TIMESTAMP, config.timestampLabel);
      checkPropertiesToRetrieve(ctx.input);
      const run = runState(type, def);
      const properties = await stepProperties(ctx, run);
      // The engagement docs give hs_timestamp in epoch milliseconds; coercion checked the value and made it UTC.
      properties[TIMESTAMP] = String(Date.parse(properties[TIMESTAMP]!));
      const output = (await runRequests(ctx, [request], run)) as OperationResult;
      return withRetrievedProperties(ctx, type, output);
    },
  };
  return def;
}
