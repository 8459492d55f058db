import { coerceProperties, FieldValidationError } from '../hubspot/coerce';
import { isWritable, type PortalPropertyDefinition } from './propertyFields';
import type { HubSpotRecord } from './search';
import type { InputFieldDef, OperationContext, OperationResult } from './types';

/**
 * Record input and output shared by every object operation: input → checked against the portal's property
 * definitions and coerced (so bad input fails before anything is written) → HubSpot's `properties`; HubSpot's record
 * → the flat output both platforms show.
 */

/**
 * The HubSpot properties in the step's input, coerced by their definitions. Keys listed in `operationKeys` belong to
 * the operation (record id, id property...) and are not properties. Unknown, read-only and calculated properties are
 * refused here, naming the field, so nothing is half-written.
 */
export async function propertiesFromInput(
  ctx: OperationContext,
  objectType: string,
  operationKeys: readonly string[] = [],
): Promise<Record<string, string>> {
  const defs = (await ctx.schema.properties(objectType)) as PortalPropertyDefinition[];
  const byName = new Map(defs.map((d) => [d.name, d]));
  const skip = new Set(operationKeys);
  const values: Record<string, unknown> = {};
  const refused: FieldValidationError[] = [];
  for (const [key, value] of Object.entries(ctx.input)) {
    if (skip.has(key) || value === undefined || value === null) continue;
    const def = byName.get(key);
    if (!def)
      refused.push(
        new FieldValidationError(key, key, `is not a property of ${objectType} in this HubSpot account.`),
      );
    else if (!isWritable(def))
      refused.push(
        new FieldValidationError(key, def.label, 'is read-only in HubSpot; it cannot be written.'),
      );
    else values[key] = value;
  }
  if (refused.length > 0) throw combined(refused);
  const needsOwners = defs.some(
    (d) => d.name in values && (d.referencedObjectType === 'OWNER' || d.name === 'hubspot_owner_id'),
  );
  return coerceProperties(defs, values, {
    timezone: ctx.timezone,
    owners: needsOwners ? await ctx.schema.owners() : undefined,
  });
}

function combined(problems: FieldValidationError[]): FieldValidationError {
  const first = problems[0]!;
  const error = new FieldValidationError(first.property, first.label, first.reason);
  error.message = problems.map((p) => p.message).join(' ');
  return error;
}

/** What a step outputs for a record: id, timestamps, and every property at the top level and under `properties`. */
export function recordOutput(record: HubSpotRecord, extra: OperationResult = {}): OperationResult {
  return {
    id: record.id,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived ?? false,
    properties: record.properties,
    ...extra,
  };
}

/** A list input (a Zapier list field, or a comma-separated text when mapped): trimmed, empty values left out. */
export function listInput(input: Record<string, unknown>, key: string): string[] {
  const raw = input[key];
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : String(raw).split(',');
  return values.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** Why a value is refused as a record id; Make's modules say the same (`make/pathGuards.ts`). */
export const notARecordId = (value: string) => `"${value}" is not a HubSpot record ID (digits only).`;

/**
 * Why `.` or `..` is refused where a value goes into a URL path: encoding leaves dots alone, and a dot segment
 * addresses another endpoint (`/crm/v3/objects/contacts/..` is `/crm/v3/objects/`).
 */
export const DOT_SEGMENT_REASON = 'cannot be "." or "..": it would address another HubSpot endpoint.';

/** HubSpot record ids are numeric: https://developers.hubspot.com/docs/guides/crm/using-object-apis */
export const isRecordId = (value: string) => /^\d+$/.test(value);

/** A required HubSpot record id (digits only), naming the field otherwise. */
export function recordIdInput(ctx: OperationContext, field: Pick<InputFieldDef, 'key' | 'label'>): string {
  const id = requiredText(ctx, field.key, field.label);
  if (!isRecordId(id)) throw new FieldValidationError(field.key, field.label, notARecordId(id));
  return id;
}

/**
 * A value that goes into one segment of a URL path (a unique value used as id, a form id, a list name), refused
 * naming the field when it is a dot segment; everything else is percent-encoded by `hubspot/paths.ts`.
 */
export function segmentValue(value: string, field: Pick<InputFieldDef, 'key' | 'label'>): string {
  if (value === '.' || value === '..')
    throw new FieldValidationError(field.key, field.label, DOT_SEGMENT_REASON);
  return value;
}

/** Reads a required text input, naming the field when it is missing. */
export function requiredText(ctx: OperationContext, key: string, label: string): string {
  const value = ctx.input[key];
  if (value === undefined || value === null || String(value).trim() === '') {
    throw new FieldValidationError(key, label, 'is required.');
  }
  return String(value).trim();
}
