import { defaultAssociationTypeId } from '../../hubspot/associationTypes';
import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { objectType, outputFieldsFor } from '../objects/common';
import { recordPicker } from '../recordDropdown';
import { listInput, propertiesFromInput, recordOutput, requiredText } from '../records';
import {
  checkPropertiesToRetrieve,
  PROPERTIES_TO_RETRIEVE,
  propertiesToRetrieveField,
  RETRIEVE_READ,
  withRetrievedProperties,
} from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { InputFieldDef, OperationContext, OperationDef } from '../types';
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
  return {
    key: config.key,
    kind: 'create',
    noun: type.singular,
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
      endpoints: [`POST ${paths.objects.create(type.name)}`, `GET ${paths.objects.one(type.name, '{id}')}`],
      perRun: `1; ${RETRIEVE_READ}`,
    },
    async perform(ctx) {
      requiredText(ctx, TIMESTAMP, config.timestampLabel);
      const targets = TARGETS.map((t) => ({ ...t, ids: idsFromInput(ctx, t.key, targetFields) }));
      checkPropertiesToRetrieve(ctx.input);
      const properties = await propertiesFromInput(ctx, type.name, [
        ...TARGETS.map((t) => t.key),
        PROPERTIES_TO_RETRIEVE,
      ]);
      // The engagement docs give hs_timestamp in epoch milliseconds; coercion checked the value and made it UTC.
      properties[TIMESTAMP] = String(Date.parse(properties[TIMESTAMP]!));
      const associations = targets.flatMap(({ type: target, ids }) => {
        const associationTypeId = defaultAssociationTypeId(type.name, target);
        if (associationTypeId === undefined)
          throw new Error(`No HubSpot-defined association from ${type.name} to ${target}.`);
        return ids.map((id) => ({
          to: { id },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
        }));
      });
      const { data } = await ctx.api.request<HubSpotRecord>({
        method: 'POST',
        path: paths.objects.create(type.name),
        json: { properties, associations },
      });
      return withRetrievedProperties(
        ctx,
        type,
        recordOutput(data, {
          associated_ids: Object.fromEntries(targets.map(({ type: target, ids }) => [target, ids])),
        }),
      );
    },
  };
}

/** Record ids from a list field (or a comma-separated text when mapped); anything but digits names the field. */
function idsFromInput(ctx: OperationContext, key: string, fields: readonly InputFieldDef[]): string[] {
  const ids = listInput(ctx.input, key);
  const bad = ids.find((id) => !/^\d+$/.test(id));
  if (bad !== undefined) {
    const label = fields.find((f) => f.key === key)?.label ?? key;
    throw new FieldValidationError(key, label, `"${bad}" is not a HubSpot record ID (digits only).`);
  }
  return [...new Set(ids)];
}
