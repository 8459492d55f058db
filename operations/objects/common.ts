import { FieldValidationError } from '../../hubspot/coerce';
import {
  findStandardObjectType,
  type ObjectTypeDef,
  type RecordWrite,
  refusedWrite,
} from '../../hubspot/objectTypes';
import { customObjectType, objectTypeFromValue, typeRefKey } from '../objectTypeRef';
import type { PortalPropertyDefinition } from '../propertyFields';
import { recordPicker } from '../recordDropdown';
import { isRecordId, notARecordId, requiredText, segmentValue } from '../records';
import { defaultRetrievedProperties } from '../retrievedProperties';
import type { Choice, InputFieldDef, ObjectTypeRef, OperationContext, OutputFieldDef } from '../types';
import { plural } from '../wording';

/** What a record operation is configured with: which object, how it is called in the UI, and an example record. */
export interface RecordOperationConfig {
  key: string;
  /** A fixed type (`contacts`), or `{fromInput}`: the user picks the type in that field (custom objects included). */
  objectType: ObjectTypeRef;
  sample: Record<string, unknown>;
  /** What the UI calls a record when the type comes from the input (default "Record"). */
  noun?: string;
  /** For a type chosen in the input: fixed choices instead of the portal's object types (e.g. engagement types). */
  typeChoices?: readonly Choice[];
  /** For a type chosen in the input: the picker's label (default "Object type"). */
  typeLabel?: string;
  /** For a type chosen among `typeChoices`: the picker's help text. */
  typeHelp?: string;
}

/**
 * Whether a property's values identify one record: e-mail is the dedupe key of contacts
 * (https://developers.hubspot.com/docs/api/crm/contacts); other types declare unique properties with `hasUniqueValue`.
 */
export function isUniqueProperty(
  objectType: string,
  def: Pick<PortalPropertyDefinition, 'hasUniqueValue'> | undefined,
  name: string,
): boolean {
  return (objectType === 'contacts' && name === 'email') || Boolean(def?.hasUniqueValue);
}

export function objectType(name: string): ObjectTypeDef {
  const def = findStandardObjectType(name);
  if (!def) throw new Error(`Unknown standard object type ${name}`);
  return def;
}

/**
 * The object type of a record operation, fixed or chosen in the step. `display` names the operation and gives its
 * output fields; `resolve` gives the type of one run.
 */
export interface RecordType {
  ref: ObjectTypeRef;
  display: ObjectTypeDef;
  /** The object-type picker, first among the step's fields, when the type comes from the input. */
  inputFields: InputFieldDef[];
  /** Input keys that belong to the operation, not to the record's properties. */
  inputKeys: string[];
  /**
   * The type of this run. With `write`, a type HubSpot serves no such write for (read-only feedback submissions and
   * goal targets, update-only users) is refused naming the type field, before any call.
   */
  resolve(ctx: OperationContext, write?: RecordWrite): ObjectTypeDef;
  /** Distinguishes per-Zap state (watermarks) of different chosen types; empty for a fixed type. */
  stateSuffix(ctx: OperationContext): string;
}

export function recordType(config: RecordOperationConfig): RecordType {
  const ref = config.objectType;
  if (typeof ref === 'string') {
    const fixed = objectType(ref);
    return {
      ref,
      display: fixed,
      inputFields: [],
      inputKeys: [],
      resolve: (_ctx, write) => {
        const refused = write && refusedWrite(fixed, write);
        if (refused) throw new FieldValidationError('object_type', 'Object type', refused);
        return fixed;
      },
      stateSuffix: () => '',
    };
  }
  const noun = config.noun ?? 'Record';
  const field: InputFieldDef = {
    key: ref.fromInput,
    label: config.typeLabel ?? 'Object type',
    required: true,
    altersDynamicFields: true,
    ...(config.typeChoices
      ? { choices: config.typeChoices, ...(config.typeHelp ? { helpText: config.typeHelp } : {}) }
      : {
          dropdown: { kind: 'objectTypes' },
          helpText: 'Any HubSpot object, custom objects included. The fields below load for the type chosen.',
        }),
  };
  const resolve = (ctx: OperationContext, write?: RecordWrite): ObjectTypeDef => {
    const value = ctx.input[ref.fromInput];
    if (typeof value !== 'string' || value.trim() === '')
      throw new FieldValidationError(field.key, field.label, 'is required.');
    const type = objectTypeFromValue(value.trim(), field);
    if (config.typeChoices && !config.typeChoices.some((c) => c.value === type.name))
      throw new FieldValidationError(
        field.key,
        field.label,
        `"${value}" is not one of ${config.typeChoices.map((c) => c.value).join(', ')}.`,
      );
    const refused = write && refusedWrite(type, write);
    if (refused) throw new FieldValidationError(field.key, field.label, refused);
    return type;
  };
  return {
    ref,
    display: { ...customObjectType(`{${typeRefKey(ref)}}`), singular: noun, plural: plural(noun) },
    inputFields: [field],
    inputKeys: [ref.fromInput],
    resolve,
    stateSuffix: (ctx) => `:${resolve(ctx).name}`,
  };
}

/**
 * The two fields that find one existing record: its id, or the value of a unique property chosen in `id_property`
 * (HubSpot's `idProperty`, e.g. a contact's e-mail).
 */
export function recordLocatorFields(types: RecordType, idPropertyDefault?: string): InputFieldDef[] {
  const type = types.display;
  const noun = type.singular.toLowerCase();
  return [
    {
      key: 'record_id',
      label: `${type.singular} ID or unique value`,
      required: true,
      ...recordPicker(types.ref),
      helpText: `The ${noun}'s HubSpot record ID, or the value of the unique property chosen below.`,
    },
    {
      key: 'id_property',
      label: 'Find by',
      required: false,
      dropdown: { kind: 'uniqueProperties', objectType: types.ref },
      ...(idPropertyDefault ? { default: idPropertyDefault } : {}),
      helpText: `Leave empty to find by record ID; otherwise choose ${uniquePropertyWording(types.ref)}.`,
    },
  ];
}

/**
 * How copy names a type's unique properties, with an example that fits the type: HubSpot keeps a contact's e-mail
 * unique; other types have only the properties a portal created with unique values (`hasUniqueValue`).
 * https://developers.hubspot.com/docs/api/crm/properties
 */
export function uniquePropertyWording(ref: ObjectTypeRef): string {
  if (ref === 'contacts') return 'e-mail (or another unique property)';
  return typeof ref === 'string'
    ? 'a property with unique values'
    : 'a property with unique values (e-mail for contacts)';
}

/** The unique property chosen in `id_property`, or undefined for the record id. */
export function idPropertyOf(ctx: OperationContext): string | undefined {
  const value = ctx.input.id_property;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The record `recordLocatorFields` name (labelled after `display`, the type the step shows), checked before any call: a record id is digits only; a unique value (an
 * e-mail...) may hold anything, since `hubspot/paths.ts` encodes it into one segment, but `.` or `..`.
 */
export function recordLocatorInput(
  ctx: OperationContext,
  display: ObjectTypeDef,
): { value: string; idProperty?: string } {
  const field = { key: 'record_id', label: `${display.singular} ID or unique value` };
  const value = requiredText(ctx, field.key, field.label);
  const idProperty = idPropertyOf(ctx);
  if (idProperty) return { value: segmentValue(value, field), idProperty };
  if (!isRecordId(value)) throw new FieldValidationError(field.key, field.label, notARecordLocator(value));
  return { value };
}

/** Why a value without a "Find by" property is refused; Make's modules say the same (`make/pathGuards.ts`). */
export const notARecordLocator = (value: string) =>
  `${notARecordId(value)} To find the record by a unique property (such as e-mail), choose it in "Find by".`;

export const recordOutputFields: readonly OutputFieldDef[] = [
  { key: 'id', label: 'Record ID', type: 'string' },
  { key: 'createdAt', label: 'Created at', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated at', type: 'datetime' },
  { key: 'archived', label: 'Archived', type: 'boolean' },
];

/**
 * Output fields for a type: the record fields plus the properties it outputs when none are chosen. Platforms that can
 * label them from the portal do so (`outputProperties`).
 */
export function outputFieldsFor(type: ObjectTypeDef): OutputFieldDef[] {
  return [
    ...recordOutputFields,
    ...defaultRetrievedProperties(type).map((p) => ({
      key: `properties__${p}`,
      label: p,
      type: 'string' as const,
    })),
  ];
}
