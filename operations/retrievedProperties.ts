import { FieldValidationError } from '../hubspot/coerce';
import { findStandardObjectType, type ObjectTypeDef } from '../hubspot/objectTypes';
import { paths } from '../hubspot/paths';
import { customObjectType, typeNameFromInput } from './objectTypeRef';
import type { PortalPropertyDefinition } from './propertyFields';
import { listInput } from './records';
import type { HubSpotRecord } from './search';
import type {
  InputFieldDef,
  ObjectTypeRef,
  OperationContext,
  OperationResult,
  OutputFieldDef,
} from './types';

/**
 * "Properties to retrieve": the record properties a step outputs, so a Zap reads any field without a Find step.
 * Triggers and finds output the common properties of the type and the ones the user adds from the portal's
 * properties. Searches take the names in `properties` of the body, reads and batch reads in `properties`, so
 * choosing costs no call there (https://developers.hubspot.com/docs/api/crm/understanding-the-crm). Writes take no
 * `properties`: see `withRetrievedProperties`.
 */

export const PROPERTIES_TO_RETRIEVE = 'properties_to_retrieve';
const LABEL = 'Properties to retrieve';

/**
 * What a step outputs when the user chooses nothing: HubSpot's own default set (what a read without `properties`
 * answers, kept so existing Zaps keep their fields; `hubspot/objectTypes.ts`), then the properties Zaps use most.
 * Names from HubSpot's default properties: https://knowledge.hubspot.com/properties/hubspots-default-contact-properties
 * (and the company, deal, ticket, product, line item and activity pages beside it).
 */
const COMMON_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  contacts: [
    'phone',
    'mobilephone',
    'company',
    'jobtitle',
    'website',
    'address',
    'city',
    'state',
    'zip',
    'country',
    'lifecyclestage',
    'hs_lead_status',
    'hubspot_owner_id',
  ],
  companies: [
    'website',
    'phone',
    'industry',
    'type',
    'description',
    'numberofemployees',
    'annualrevenue',
    'address',
    'city',
    'state',
    'zip',
    'country',
    'lifecyclestage',
    'hubspot_owner_id',
  ],
  deals: ['dealtype', 'description', 'hs_priority', 'deal_currency_code', 'hubspot_owner_id'],
  tickets: ['source_type', 'closed_date', 'hubspot_owner_id'],
  products: ['hs_sku', 'hs_cost_of_goods_sold', 'recurringbillingfrequency', 'hs_recurring_billing_period'],
  line_items: [
    'hs_product_id',
    'hs_sku',
    'description',
    'discount',
    'hs_discount_percentage',
    'hs_line_item_currency_code',
    'recurringbillingfrequency',
    'hs_recurring_billing_period',
  ],
  notes: ['hs_timestamp', 'hubspot_owner_id', 'hs_note_body'],
  tasks: [
    'hs_timestamp',
    'hubspot_owner_id',
    'hs_task_subject',
    'hs_task_body',
    'hs_task_status',
    'hs_task_priority',
    'hs_task_type',
  ],
  calls: [
    'hs_timestamp',
    'hubspot_owner_id',
    'hs_call_title',
    'hs_call_body',
    'hs_call_direction',
    'hs_call_disposition',
    'hs_call_duration',
    'hs_call_status',
  ],
  meetings: [
    'hs_timestamp',
    'hubspot_owner_id',
    'hs_meeting_title',
    'hs_meeting_body',
    'hs_meeting_start_time',
    'hs_meeting_end_time',
    'hs_meeting_outcome',
    'hs_meeting_location',
  ],
  emails: [
    'hs_timestamp',
    'hubspot_owner_id',
    'hs_email_subject',
    'hs_email_text',
    'hs_email_direction',
    'hs_email_status',
  ],
};

/** The properties a step of this type outputs when none are chosen (a custom object's: HubSpot's default set). */
export function defaultRetrievedProperties(type: ObjectTypeDef): string[] {
  return [...new Set([...type.defaultProperties, ...(COMMON_PROPERTIES[type.name] ?? [])])];
}

/** The multi-select of the portal's properties of the type (fixed, or chosen in another field of the step). */
export function propertiesToRetrieveField(typeRef: ObjectTypeRef): InputFieldDef {
  return {
    key: PROPERTIES_TO_RETRIEVE,
    label: LABEL,
    required: false,
    list: true,
    dropdown: { kind: 'properties', objectType: typeRef },
    helpText:
      'More HubSpot properties to output, besides the ones the step outputs anyway (such as name, e-mail, phone, ' +
      'owner, stage), so a later step can use them without a Find step. Leave empty for those only.',
  };
}

/**
 * HubSpot's internal property names are lowercase letters, digits and underscores
 * (https://developers.hubspot.com/docs/api/crm/properties); capitals are accepted too, as older portals have some.
 */
const PROPERTY_NAME = /^[A-Za-z0-9_]+$/;

/** The names the user chose, checked before any HubSpot call: a label or a sentence mapped in is refused. */
function chosenProperties(input: Record<string, unknown>): string[] {
  const names = listInput(input, PROPERTIES_TO_RETRIEVE);
  const bad = names.find((name) => !PROPERTY_NAME.test(name));
  if (bad !== undefined)
    throw new FieldValidationError(
      PROPERTIES_TO_RETRIEVE,
      LABEL,
      `"${bad}" is not a HubSpot property's internal name (letters, digits and underscores, such as ` +
        '"firstname"). Choose the properties from the list.',
    );
  return [...new Set(names)];
}

/** Refuses a bad choice before the step's first HubSpot call, so a write never happens for a step that then fails. */
export function checkPropertiesToRetrieve(input: Record<string, unknown>): void {
  chosenProperties(input);
}

/** What a read or search of this type asks for: the common properties and the chosen ones. */
export function retrievedProperties(ctx: OperationContext, type: ObjectTypeDef): string[] {
  return [...new Set([...defaultRetrievedProperties(type), ...chosenProperties(ctx.input)])];
}

/**
 * HubSpot answers a create (201), an update (PATCH) and a batch upsert with the properties written and its default
 * set; none of them takes `properties` (https://developers.hubspot.com/docs/api/crm/understanding-the-crm). So a
 * write outputs what HubSpot answered, and only when the user chose properties that answer lacks does it read the
 * record once more (`GET …/{id}?properties=`), which sees the write at once.
 * The write has happened by then: if that read fails, the step still succeeds with what the write answered, since a
 * failed step would be replayed and a create would write a second record.
 */
export async function withRetrievedProperties(
  ctx: OperationContext,
  type: ObjectTypeDef,
  output: OperationResult,
): Promise<OperationResult> {
  const answered = (output.properties ?? {}) as Record<string, unknown>;
  const missing = chosenProperties(ctx.input).filter((name) => !(name in answered));
  if (missing.length === 0) return output;
  try {
    const { data } = await ctx.api.request<HubSpotRecord>({
      method: 'GET',
      path: paths.objects.one(type.name, String(output.id)),
      query: { properties: retrievedProperties(ctx, type).join(',') },
    });
    return { ...output, properties: { ...answered, ...data.properties } };
  } catch {
    ctx.log('The record was written; reading its chosen properties failed, so they are not in the output.', {
      objectType: type.name,
      id: output.id,
      missing,
    });
    return output;
  }
}

/** Why a write runs code after its declared request (`OperationDef.code`). */
export const RETRIEVE_CODE =
  "Chosen properties the write's answer lacks cost one read after it (`withRetrievedProperties`), which depends on " +
  'the answer; declared requests cannot branch on it, so a platform rendering only them leaves the field out.';

/** How `withRetrievedProperties` adds to a write's calls, for `calls.perRun` (README, `bench:calls`). */
export const RETRIEVE_READ =
  '+1 read when "Properties to retrieve" names properties the write\'s answer lacks';

/** The type a reference names for a step's input, without refusing anything (the editor may ask before it is set). */
function typeForOutput(typeRef: ObjectTypeRef, input: Record<string, unknown>): ObjectTypeDef | undefined {
  const name = typeNameFromInput(typeRef, input);
  return name ? (findStandardObjectType(name) ?? customObjectType(name)) : undefined;
}

const OUTPUT_TYPES: Readonly<Record<string, OutputFieldDef['type']>> = {
  number: 'number',
  date: 'datetime',
  datetime: 'datetime',
  bool: 'boolean',
};

/**
 * The output fields of the properties a step retrieves (`properties__<name>`), labelled as the portal labels them and
 * ordered by label. Costs the property-definitions read of the type, which the step's other fields share.
 */
export async function retrievedOutputFields(
  ctx: OperationContext,
  typeRef: ObjectTypeRef,
): Promise<OutputFieldDef[]> {
  const type = typeForOutput(typeRef, ctx.input);
  if (!type) return [];
  const chosen = listInput(ctx.input, PROPERTIES_TO_RETRIEVE).filter((name) => PROPERTY_NAME.test(name));
  const names = new Set([...defaultRetrievedProperties(type), ...chosen]);
  const defs = (await ctx.schema.properties(type.name)) as PortalPropertyDefinition[];
  const byName = new Map(defs.map((d) => [d.name, d]));
  return [...names]
    .map((name) => {
      const def = byName.get(name);
      return {
        key: `properties__${name}`,
        label: def?.label || name,
        type: (def && OUTPUT_TYPES[def.type]) ?? 'string',
      } satisfies OutputFieldDef;
    })
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}
