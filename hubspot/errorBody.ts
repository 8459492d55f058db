/**
 * Defensive parsing of HubSpot error bodies. HubSpot says every field "should be treated as optional":
 * https://developers.hubspot.com/docs/api-reference/error-handling
 * Handles the standard envelope, 429 bodies (`policyName`, `errorType`), the
 * `Property values were not valid: [json]` message, and the `errors[]` of a 207 batch response.
 */

export interface ErrorDetail {
  message?: string;
  code?: string;
  in?: string;
  subCategory?: string;
  context?: Record<string, unknown>;
}

/** One entry of the JSON array inside `Property values were not valid: [...]`. */
export interface PropertyValueError {
  name?: string;
  error?: string;
  message?: string;
}

export interface ParsedErrorBody {
  status?: string;
  message?: string;
  category?: string;
  subCategory?: string;
  correlationId?: string;
  policyName?: string;
  errorType?: string;
  /** OAuth endpoints: the RFC 6749 `error` code (`invalid_grant`, `invalid_client`, …). */
  oauthError?: string;
  context?: Record<string, unknown>;
  errors: ErrorDetail[];
  propertyErrors: PropertyValueError[];
}

const PROPERTY_VALUES_PREFIX = 'Property values were not valid:';

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** First string of a context entry: HubSpot's context values are arrays of strings (`{propertyName:["x"]}`). */
export function contextValue(context: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = context?.[key];
  return Array.isArray(value) ? str(value[0]) : str(value);
}

export function contextValues(context: Record<string, unknown> | undefined, key: string): string[] {
  const value = context?.[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function parseDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.map(record).flatMap((d) =>
    d
      ? [
          {
            message: str(d.message),
            code: str(d.code),
            in: str(d.in),
            subCategory: str(d.subCategory),
            context: record(d.context),
          },
        ]
      : [],
  );
}

function parsePropertyValueMessage(message: string | undefined): PropertyValueError[] {
  if (!message?.startsWith(PROPERTY_VALUES_PREFIX)) return [];
  try {
    const items: unknown = JSON.parse(message.slice(PROPERTY_VALUES_PREFIX.length).trim());
    if (!Array.isArray(items)) return [];
    return items
      .map(record)
      .flatMap((i) => (i ? [{ name: str(i.name), error: str(i.error), message: str(i.message) }] : []));
  } catch {
    return [];
  }
}

function propertyErrorsFromDetails(details: ErrorDetail[]): PropertyValueError[] {
  return details
    .filter((d) => d.code !== undefined && contextValue(d.context, 'propertyName') !== undefined)
    .map((d) => ({ name: contextValue(d.context, 'propertyName'), error: d.code, message: d.message }));
}

function toObject(input: unknown): Record<string, unknown> | undefined {
  if (typeof input !== 'string') return record(input);
  try {
    return record(JSON.parse(input));
  } catch {
    return undefined;
  }
}

/** Parses an error body given as text or as parsed JSON. Never throws; unknown shapes give an empty result. */
export function parseErrorBody(input: unknown): ParsedErrorBody {
  const body = toObject(input);
  if (!body) return { errors: [], propertyErrors: [] };
  const message = str(body.message);
  const errors = parseDetails(body.errors);
  const fromMessage = parsePropertyValueMessage(message);
  return {
    status: str(body.status),
    message,
    category: str(body.category),
    subCategory: str(body.subCategory) ?? str(record(body.subCategory)?.name),
    correlationId: str(body.correlationId),
    policyName: str(body.policyName),
    errorType: str(body.errorType),
    oauthError: str(body.error),
    context: record(body.context),
    errors,
    propertyErrors: fromMessage.length > 0 ? fromMessage : propertyErrorsFromDetails(errors),
  };
}

/** The `errors[]` of a 207 multi-status batch response, each parsed like a whole error body. */
export function parseBatchErrors(input: unknown): ParsedErrorBody[] {
  const errors = toObject(input)?.errors;
  return Array.isArray(errors) ? errors.map((e) => parseErrorBody(e)) : [];
}

/** The first detail or property error code: the most specific reason HubSpot gave. */
export function primaryCode(body: ParsedErrorBody): string | undefined {
  return body.propertyErrors.find((p) => p.error)?.error ?? body.errors.find((e) => e.code)?.code;
}
