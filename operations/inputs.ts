import { FieldValidationError } from '../hubspot/coerce';
import type { InputFieldDef, OperationContext } from './types';

/** Field readers that refuse a bad value before any call, naming the field and what it allows. */

type Field = Pick<InputFieldDef, 'key' | 'label'>;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const text = (ctx: OperationContext, key: string): string => {
  const raw = ctx.input[key];
  return raw === undefined || raw === null ? '' : String(raw).trim();
};

export function optionalText(ctx: OperationContext, field: Field): string | undefined {
  return text(ctx, field.key) || undefined;
}

export function emailInput(ctx: OperationContext, field: Field, required = true): string | undefined {
  const value = text(ctx, field.key);
  if (!value) {
    if (required) throw new FieldValidationError(field.key, field.label, 'is required.');
    return undefined;
  }
  if (!EMAIL.test(value))
    throw new FieldValidationError(field.key, field.label, `"${value}" is not an e-mail address.`);
  return value;
}

export function choiceInput(
  ctx: OperationContext,
  field: Field & Pick<InputFieldDef, 'choices'>,
): string | undefined {
  const value = text(ctx, field.key);
  if (!value) return undefined;
  const allowed = (field.choices ?? []).map((c) => c.value);
  if (!allowed.includes(value))
    throw new FieldValidationError(
      field.key,
      field.label,
      `"${value}" is not allowed. Allowed: ${allowed.join(', ')}.`,
    );
  return value;
}

/** A whole number within bounds, or the default when empty. */
export function integerInput(
  ctx: OperationContext,
  field: Field,
  bounds: { min: number; max: number },
): number | undefined {
  const value = text(ctx, field.key);
  if (!value) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < bounds.min || Number(value) > bounds.max)
    throw new FieldValidationError(
      field.key,
      field.label,
      `must be a whole number from ${bounds.min} to ${bounds.max} (got "${value}").`,
    );
  return Number(value);
}

/** A JSON object typed as text, or the object Zapier/Make hand over for a key-value field; `{}` when empty. */
export function jsonObjectInput(ctx: OperationContext, field: Field): Record<string, unknown> {
  let raw = ctx.input[field.key];
  if (raw === undefined || raw === null || raw === '') return {};
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new FieldValidationError(field.key, field.label, 'must be a JSON object, e.g. {"plan": "pro"}.');
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new FieldValidationError(field.key, field.label, 'must be a JSON object, e.g. {"plan": "pro"}.');
  return raw as Record<string, unknown>;
}

/** An ISO 8601 date-time (or epoch milliseconds), as an ISO string; undefined when empty. */
export function dateTimeInput(ctx: OperationContext, field: Field): string | undefined {
  const value = text(ctx, field.key);
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(ms))
    throw new FieldValidationError(
      field.key,
      field.label,
      `"${value}" is not a date and time (ISO 8601, e.g. 2026-01-31T09:00:00Z).`,
    );
  return new Date(ms).toISOString();
}
