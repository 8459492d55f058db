import { FieldValidationError } from '../../hubspot/coerce';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { isRecordId, notARecordId } from '../records';
import type { InputFieldDef } from '../types';

/**
 * The fields the buffered batch update and archive share: the object type every buffered run writes (runs of
 * different types are never buffered together: Zapier's `groupedBy`) and the record id, both checked per run before
 * any call, so a bad run fails alone.
 */

/** The standard types batch endpoints take here, as batch upsert offers them ("Make an API Call" reaches others). */
export const BATCH_TYPES = ['contacts', 'companies', 'deals', 'tickets', 'products', 'line_items'];

export const batchTypeField = (help: string): InputFieldDef => ({
  key: 'object_type',
  label: 'Object type',
  required: true,
  default: 'contacts',
  choices: BATCH_TYPES.map((t) => ({ value: t, label: findStandardObjectType(t)!.plural })),
  altersDynamicFields: true,
  helpText: help,
});

export function batchTypeOf(input: Record<string, unknown>): string {
  const value = String(input.object_type ?? '').trim() || 'contacts';
  if (!BATCH_TYPES.includes(value))
    throw new FieldValidationError(
      'object_type',
      'Object type',
      `"${value}" is not one of ${BATCH_TYPES.join(', ')}.`,
    );
  return value;
}

/** A run's record id: digits, unless `idProperty` names the unique property the value belongs to. */
export function batchRecordId(
  input: Record<string, unknown>,
  field: { key: string; label: string },
  idProperty?: string,
): string {
  const value = String(input[field.key] ?? '').trim();
  if (value === '') throw new FieldValidationError(field.key, field.label, 'is required.');
  if (!idProperty && !isRecordId(value))
    throw new FieldValidationError(field.key, field.label, notARecordId(value));
  return value;
}

/** The message a failed run gets, whatever was thrown. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
