import { ERROR_TABLE, type ErrorKind, type ErrorRule } from '../hubspot/errors';

/**
 * The Base `response.error` directive, generated from THE error table (`hubspot/errors.ts`): one IML expression
 * choosing the Make error type row by row (first match wins, as `findRule` does), and a message carrying HubSpot's
 * own words: the missing scopes for a 403, each property problem for a 400.
 * Make error types: https://developers.make.com/custom-apps-documentation/app-components/base/error-handling and integromat/imt-proto src/error.ts (RateLimitError and ConnectionError are retried
 * automatically; InvalidAccessTokenError and InvalidConfigurationError stop the scenario for the user to fix).
 */
export type MakeErrorType =
  | 'RateLimitError'
  | 'ConnectionError'
  | 'InvalidAccessTokenError'
  | 'InvalidConfigurationError'
  | 'DataError'
  | 'DuplicateDataError'
  | 'RuntimeError';

/** The Make error type for each kind of failure the core's table names. */
export const MAKE_ERROR_TYPE: Readonly<Record<ErrorKind, MakeErrorType>> = {
  // DataError keeps the run as an incomplete execution (when enabled) for the user to fix the data and resume.
  'invalid-input': 'DataError',
  rejected: 'DataError',
  'not-found': 'DataError',
  // Make reports a DuplicateDataError as a warning and does not interrupt the scenario.
  conflict: 'DuplicateDataError',
  // The connection refreshes its token ahead of expiry (`make/connections.ts`); no Make type asks for a refresh, so
  // a module that still meets an expired token reports it as invalid.
  'auth-expired': 'InvalidAccessTokenError',
  'auth-invalid': 'InvalidAccessTokenError',
  // The token is valid; the user must grant scopes (reconnect), so not InvalidAccessTokenError.
  'missing-scopes': 'InvalidConfigurationError',
  'app-credentials': 'InvalidConfigurationError',
  forbidden: 'RuntimeError',
  'rate-limited': 'RateLimitError',
  // Stays Make's documented type for a 429, so the scenario backs off instead of being switched off (see below).
  'daily-quota': 'RateLimitError',
  // HubSpot answered and a lock lasts 2 s: RateLimitError backs off before retrying, as a rate limit does.
  locked: 'RateLimitError',
  // The portal is unavailable while it migrates, as a service that is down: ConnectionError, retried later.
  migrating: 'ConnectionError',
  transient: 'ConnectionError',
  unexpected: 'RuntimeError',
};

/** An error body's `errors` and `message`, empty when absent (an HTML page, a 400 without details). */
const ERRORS = 'ifempty(body.errors, emptyarray)';
const MESSAGE = "ifempty(body.message, '')";

function statusCondition(status: ErrorRule['status']): string | undefined {
  if (status === undefined) return 'true';
  // No HTTP answer at all: Make itself reports a ConnectionError; the error directive never sees it.
  if (status === 'network') return undefined;
  if (typeof status === 'number') return `statusCode == ${status}`;
  return `statusCode >= ${status[0]} && statusCode <= ${status[1]}`;
}

/** What the Make error expression reads of a row. */
type MakeRow = Pick<ErrorRule, 'status' | 'category' | 'policyName' | 'code' | 'oauth' | 'kind'>;

function ruleCondition(rule: MakeRow): string | undefined {
  const status = statusCondition(rule.status);
  if (status === undefined) return undefined;
  const parts = [status];
  if (rule.category) parts.push(`body.category == '${rule.category}'`);
  if (rule.policyName) parts.push(`body.policyName == '${rule.policyName}'`);
  // An OAuth token endpoint names its code in RFC 6749's `error`.
  if (rule.code && rule.oauth) parts.push(`body.error == '${rule.code}'`);
  // Elsewhere a code sits in `errors[].code`, or in a property error's `error` inside the 400's message.
  else if (rule.code)
    parts.push(`(contains(map(${ERRORS}, 'code'), '${rule.code}') || contains(${MESSAGE}, '${rule.code}'))`);
  return parts.filter((p) => p !== 'true').join(' && ') || 'true';
}

/** The rows module calls can meet: every row but the OAuth token endpoints'. */
const API_ROWS = ERROR_TABLE.filter((r) => !r.oauth);

/**
 * The error type of the OAuth connection's token and info calls: the table's OAuth rows first, then what any HubSpot
 * answer means (429, 5xx), and a refused token for any other 400 or 401.
 */
export function oauthErrorTypeExpression(): string {
  const refused: MakeRow = { status: [400, 401], kind: 'auth-invalid' };
  return errorTypeExpression([
    ...ERROR_TABLE.filter((r) => r.oauth),
    ...API_ROWS.filter((r) => r.status === 429 || r.errorClass === 'ServerError'),
    refused,
  ]);
}

/** Adjacent rows with the same Make type collapse into one `||` (same first-match result, shorter IML). */
export function errorTypeExpression(table: readonly MakeRow[] = API_ROWS): string {
  const groups: Array<{ type: MakeErrorType; conditions: string[] }> = [];
  for (const rule of table) {
    const condition = ruleCondition(rule);
    if (condition === undefined) continue;
    const type = MAKE_ERROR_TYPE[rule.kind];
    const last = groups[groups.length - 1];
    if (last && last.type === type) last.conditions.push(condition);
    else groups.push({ type, conditions: [condition] });
  }
  let expression = "'RuntimeError'";
  for (const group of groups.reverse()) {
    if (group.conditions.includes('true')) {
      expression = `'${group.type}'`;
      continue;
    }
    const condition = group.conditions.map((c) => `(${c})`).join(' || ');
    expression = `if(${condition}, '${group.type}', ${expression})`;
  }
  return `{{${expression}}}`;
}

/**
 * The daily quota (the table's `dailyQuota` row) stays spent until midnight in the portal's time zone, which the
 * answer does not carry (no reset header or field), so the message names the rule, not a time. It stays a
 * RateLimitError, Make's documented type for a 429: Make then retries at growing intervals (up to 24 hours) instead
 * of switching the scenario off, and the retries after midnight succeed; the message says the earlier ones cannot.
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines,
 * https://developers.make.com/custom-apps-documentation/best-practices/base/429-error-handling
 */
const DAILY_QUOTA_ROW = API_ROWS.find((r) => r.message === 'dailyQuota')!;
const DAILY_QUOTA_TEXT =
  ' HubSpot daily API limit for this account is used up. It resets at midnight in the time zone of the HubSpot ' +
  'account, set in its account defaults; a retry before then cannot succeed.';

/** HubSpot's message, the daily quota's reset, the scopes a 403 names, and each property problem of a 400. */
export const ERROR_MESSAGE =
  "[{{statusCode}}] {{ifempty(body.message, 'HubSpot answered ' + statusCode)}}" +
  `{{if(${ruleCondition(DAILY_QUOTA_ROW)}, '${DAILY_QUOTA_TEXT}', '')}}` +
  "{{if(body.category == 'MISSING_SCOPES', ' Missing scopes: ' + join(ifempty(body.errors[1].context.requiredGranularScopes, body.errors[1].context.requiredScopes), ', ') + '. Reconnect HubSpot granting them.', '')}}" +
  `{{if(statusCode == 400 && length(${ERRORS}) > 0, ' Details: ' + join(map(${ERRORS}, 'message'), '; '), '')}}`;

export function responseError(): { message: string; type: string } {
  return { message: ERROR_MESSAGE, type: errorTypeExpression() };
}
