import { randomUUID } from 'node:crypto';

/**
 * HubSpot's error envelope and the exact bodies the sandbox answers with.
 * Envelope: https://developers.hubspot.com/docs/api-reference/error-handling
 * Bodies not in the docs follow responses captured in public issue threads of HubSpot's client libraries (e.g.
 * HubSpot/hubspot-api-nodejs#545 for the 409 of an existing contact), cited where each body is built.
 */

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
  subCategory?: string;
}

export interface ErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category?: string;
  subCategory?: string;
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  links?: Record<string, string>;
  [extra: string]: unknown;
}

/** Thrown anywhere in a handler; the router turns it into the HTTP answer. */
export class HubSpotError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export function errorBody(message: string, category?: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  const body: ErrorBody = { status: 'error', message, correlationId: randomUUID() };
  if (category) body.category = category;
  return { ...body, ...extra };
}

export const fail = (status: number, message: string, category?: string, extra?: Partial<ErrorBody>) =>
  new HubSpotError(status, errorBody(message, category, extra));

export const validationError = (message: string, extra?: Partial<ErrorBody>) =>
  fail(400, message, 'VALIDATION_ERROR', extra);

export const invalidJson = (detail: string) => validationError(`Invalid input JSON on line 1: ${detail}`);

/**
 * A numeric id that does not exist: `{status, message: "resource not found", correlationId}`, no category. The capture
 * of a contact update by a missing id in segment-boneyard/segment-docs#6244 shows this message without a category,
 * beside a 401 and a 409 of the same flow that do carry theirs; the OBJECT_NOT_FOUND body is only ever captured for
 * non-numeric ids (HubSpot/hubspot-api-nodejs#669). That a GET answers like the update is the best reading, not a capture.
 */
export const resourceNotFound = () => fail(404, 'resource not found');

/** A non-numeric id, or a named object that does not exist. */
export const objectNotFound = (id: string) =>
  fail(404, 'Object not found.  objectId are usually numeric.', 'OBJECT_NOT_FOUND', {
    context: { id: [id] },
  });

export const unknownPath = (method: string, path: string) =>
  fail(404, `Unable to route ${method} ${path}: no such endpoint.`, 'OBJECT_NOT_FOUND');

export const methodNotAllowed = (method: string, path: string) =>
  fail(405, `HTTP method ${method} is not supported by ${path}.`, 'VALIDATION_ERROR');

export const conflict = (message: string, extra?: Partial<ErrorBody>) =>
  fail(409, message, 'CONFLICT', extra);

const AUTH_HELP =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export const invalidAuthentication = () => fail(401, AUTH_HELP, 'INVALID_AUTHENTICATION');

export const expiredAuthentication = (secondsAgo: number) =>
  fail(
    401,
    `The OAuth token used to make this call expired ${Math.max(1, Math.floor(secondsAgo))} second(s) ago.`,
    'EXPIRED_AUTHENTICATION',
  );

export const missingScopes = (requiredGranularScopes: readonly string[]) =>
  fail(
    403,
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    'MISSING_SCOPES',
    {
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: [...requiredGranularScopes] },
        },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  );

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

const RATE_LIMIT_MESSAGES: Record<RateLimitPolicy, string> = {
  DAILY: 'You have reached your daily limit.',
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
};

/** 429 bodies carry both the newer `category` and the older `errorType` + `policyName` (hubspot-api.md §3.3). */
export const rateLimited = (
  policy: RateLimitPolicy,
  groupName?: string,
  headers: Record<string, string> = {},
) =>
  new HubSpotError(
    429,
    errorBody(RATE_LIMIT_MESSAGES[policy], 'RATE_LIMITS', {
      errorType: 'RATE_LIMIT',
      policyName: policy,
      ...(groupName ? { groupName } : {}),
    }),
    headers,
  );

/** One property problem, as HubSpot reports it inside "Property values were not valid". */
export interface PropertyIssue {
  name: string;
  error:
    | 'PROPERTY_DOESNT_EXIST'
    | 'INVALID_OPTION'
    | 'INVALID_EMAIL'
    | 'INVALID_INTEGER'
    | 'INVALID_DATE'
    | 'INVALID_DATETIME'
    | 'INVALID_BOOLEAN'
    | 'READ_ONLY_VALUE'
    | 'REQUIRED_PROPERTY'
    | 'INVALID_LONG'
    | 'INVALID_PROPERTY_VALUE';
  message: string;
}

/** The 400 HubSpot answers when property values fail validation. */
export function propertyValidationBody(issues: PropertyIssue[], portalId: number): ErrorBody {
  const detail = issues.map((i) => ({
    isValid: false,
    message: i.message,
    error: i.error,
    name: i.name,
    localizedErrorMessage: i.message,
    portalId,
  }));
  return errorBody(`Property values were not valid: ${JSON.stringify(detail)}`, 'VALIDATION_ERROR', {
    errors: issues.map((i) => ({ message: i.message, code: i.error, context: { propertyName: [i.name] } })),
  });
}

export const propertyValidationError = (issues: PropertyIssue[], portalId: number) =>
  new HubSpotError(400, propertyValidationBody(issues, portalId));
