/**
 * Wording for every row of the error table: what went wrong, in terms of the user's fields, and what to do.
 * Every message ends with HubSpot's correlation id (what HubSpot support asks for) and is redacted of tokens.
 */
import { contextValue, contextValues, type ParsedErrorBody, type PropertyValueError } from './errorBody';
import type { MessageKey } from './errors';
import { redact } from './log';
import { scopeAvailability } from './objectTypes';
import { describeProperty, findProperty, type PropertyLookup } from './propertyDefinition';
import type { NetworkFailure } from './transport';

export interface ErrorContext {
  /** Property definitions of the object involved, to name fields by label. */
  properties?: PropertyLookup;
  /** Object type path name (`contacts`) for "property X does not exist on contacts". */
  objectType?: string;
  /** What the request was about, for 404s: `contact 123`. */
  subject?: string;
  /** The portal's IANA time zone, when known, for the daily quota reset time. */
  portalTimeZone?: string;
  /**
   * The request is a write that is not repeated blind (a create): failing without an answer, or with a 5xx, it may
   * still have been applied, so the message must not say "try again". Set by the client for non-idempotent POSTs.
   */
  notRepeatable?: boolean;
  /**
   * A product tier, seat or add-on the endpoint needs (`Sales Hub Professional or Enterprise seat`): said when HubSpot
   * refuses access, since a portal without it answers 403 whatever the token's scopes.
   */
  requirement?: string;
  /** For such a write: what it may have done (`created the deal`) and how to check (`search deals for ...`). */
  unconfirmedWrite?: { outcome: string; check: string };
}

/** A request that got no answer. */
export interface NetworkFacts {
  failure: NetworkFailure;
  timeoutMs?: number;
  /** Idempotent: repeating it cannot apply a change twice. */
  retrySafe: boolean;
}

export interface MessageFacts {
  status?: number;
  body: ParsedErrorBody;
  context: ErrorContext;
  retryAfterSeconds?: number;
  resetsAt?: Date;
  existingId?: string;
  scopes?: string[];
  network?: NetworkFacts;
}

const SECONDLY_MESSAGE = 'You have reached your secondly limit.';

export { SECONDLY_MESSAGE };

/** `reports was not one of the allowed options: [A, B]` → value and HubSpot's option list. */
function parseInvalidOption(message: string | undefined): { value?: string; allowed: string[] } {
  const m = message?.match(/^(.*) was not one of the allowed options: \[(.*)\]\s*$/s);
  if (!m) return { allowed: [] };
  return {
    value: m[1],
    allowed: (m[2] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

function allowedOptions(name: string, lookup: PropertyLookup | undefined, fromHubSpot: string[]): string {
  const options = findProperty(lookup, name)?.options?.filter((o) => !o.hidden);
  if (options && options.length > 0) {
    return options.map((o) => (o.label === o.value ? o.label : `${o.label} (${o.value})`)).join(', ');
  }
  return fromHubSpot.join(', ');
}

/** One sentence per rejected property value, by its code. */
export function describePropertyError(pe: PropertyValueError, context: ErrorContext): string {
  const name = pe.name ?? 'a property';
  const field = pe.name ? describeProperty(pe.name, context.properties) : name;
  switch (pe.error) {
    case 'INVALID_OPTION': {
      const { value, allowed } = parseInvalidOption(pe.message);
      const list = allowedOptions(name, context.properties, allowed);
      const shown =
        value !== undefined ? `"${value}" is not one of its options` : 'the value is not one of its options';
      return `${field}: ${shown}.${list ? ` Allowed: ${list}.` : ''}`;
    }
    case 'PROPERTY_DOESNT_EXIST':
      return `HubSpot has no property "${name}"${context.objectType ? ` on ${context.objectType}` : ''}. Check the field mapping, or refresh the fields if the property was renamed or deleted.`;
    case 'INVALID_EMAIL':
      return `${field} must be a valid email address${pe.message ? ` (HubSpot: ${pe.message})` : ''}.`;
    case 'INVALID_INTEGER':
      return `${field} must be a whole number${pe.message ? ` (HubSpot: ${pe.message})` : ''}.`;
    case 'INVALID_DATE':
      return `${field} must be a date at midnight UTC, written as YYYY-MM-DD (for example 2024-01-31).`;
    case 'READ_ONLY_VALUE':
      return `${field} is read-only in HubSpot and cannot be set; remove it from the mapping.`;
    default:
      return `${field}: ${pe.message ?? pe.error ?? 'invalid value'}.`;
  }
}

function validationMessage(f: MessageFacts): string {
  if (f.body.propertyErrors.length > 0) {
    return `HubSpot rejected some values. ${f.body.propertyErrors.map((pe) => describePropertyError(pe, f.context)).join(' ')}`;
  }
  const detail = f.body.errors
    .map((e) => e.message)
    .filter(Boolean)
    .join('; ');
  return `HubSpot rejected the data: ${detail || f.body.message || 'validation failed'}.`;
}

/** Scopes named in `errors[].context.requiredGranularScopes` (or the older `requiredScopes`). */
export function requiredScopes(body: ParsedErrorBody): string[] {
  const contexts = [body.context, ...body.errors.map((e) => e.context)];
  const scopes = contexts.flatMap((c) => [
    ...contextValues(c, 'requiredGranularScopes'),
    ...contextValues(c, 'requiredScopes'),
  ]);
  return [...new Set(scopes)];
}

/** No answer: a timeout names its length; a change that may have been applied is not to be repeated blindly. */
/** What happened to a request that got no answer, without a closing period. */
function networkFailure(f: MessageFacts): string {
  const n = f.network;
  if (!n) return 'The connection to HubSpot failed or timed out before HubSpot answered';
  const limit =
    n.timeoutMs === undefined ? 'in time' : `within ${Math.round(n.timeoutMs / 100) / 10} seconds`;
  return n.failure === 'timeout'
    ? `HubSpot did not answer ${limit}`
    : 'The connection to HubSpot failed before an answer arrived';
}

function networkMessage(f: MessageFacts): string {
  const what = networkFailure(f);
  // A create: say what may exist and how to find it (mayHaveApplied), never "run it again".
  if (f.context.notRepeatable) return mayHaveApplied(what, f.context);
  const n = f.network;
  if (!n) return 'Could not reach HubSpot: the connection failed or timed out. Try again.';
  return n.retrySafe
    ? `${what}. It is safe to run this step again.`
    : `${what}. The change may have been made anyway: check HubSpot before running this step again.`;
}

/** The tier or add-on the action needs, when the operation named one. */
function needs(f: MessageFacts): string {
  return f.context.requirement ? ` This action needs ${f.context.requirement}.` : '';
}

function hubspotSays(f: MessageFacts): string {
  return f.body.message ? `: ${f.body.message}` : '';
}

/**
 * After a failure that may come after HubSpot applied a write (a lost answer, a 5xx), repeating a create can make a
 * second record, so the message says what may exist and how to find it, never "try again".
 */
function mayHaveApplied(failure: string, context: ErrorContext): string {
  const write = context.unconfirmedWrite;
  if (!write) {
    return `${failure}, so HubSpot may have applied the change anyway. Check in HubSpot before running the step again, or it may be applied twice.`;
  }
  return `${failure}, so HubSpot may have ${write.outcome} anyway. Before running the step again, check whether it exists: ${write.check}.`;
}

const BUILDERS: Readonly<Record<MessageKey, (f: MessageFacts) => string>> = {
  authExpired: () =>
    'The HubSpot access token has expired. If refreshing does not fix it, reconnect your HubSpot account.',
  authRevoked: () =>
    'HubSpot rejected the connection: its token was revoked, has expired or is not valid. Reconnect your HubSpot account.',
  oauthClient: (f) =>
    `HubSpot refused this integration's OAuth client id or secret${hubspotSays(f)}. The integration's publisher must check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET (Zapier) or the app's client id and secret (Make).`,
  missingScopes: (f) => {
    if (!f.scopes || f.scopes.length === 0)
      return `The HubSpot connection is missing a permission (scope) this action needs. Reconnect your HubSpot account and grant it.${needs(f)}`;
    const missing = `The HubSpot connection is missing the permission(s) ${f.scopes.join(', ')}.`;
    // A tier or feature the portal lacks: reconnecting cannot grant the scope until the account has it.
    const tiers = [...new Set(f.scopes.map(scopeAvailability).filter((n): n is string => n !== undefined))];
    return tiers.length > 0
      ? `${missing} ${tiers.join('; ')}. Once the HubSpot account has it, reconnect your HubSpot account and grant them.${needs(f)}`
      : `${missing} Reconnect your HubSpot account and grant them.${needs(f)}`;
  },
  // HubSpot's own sentence may end with a period; one is enough before what the action needs.
  forbidden: (f) => `HubSpot refused access${hubspotSays(f).replace(/\.$/, '')}.${needs(f)}`,
  invalidOption: validationMessage,
  propertyMissing: validationMessage,
  invalidEmail: validationMessage,
  invalidInteger: validationMessage,
  invalidDate: validationMessage,
  readOnly: validationMessage,
  validation: validationMessage,
  notFound: (f) => {
    const id = contextValue(f.body.context, 'id');
    const what = f.context.subject ?? (id ? `the record with ID "${id}"` : 'the requested record');
    return `HubSpot could not find ${what}. It may have been deleted or merged, or the ID may be wrong.`;
  },
  conflict: (f) =>
    f.existingId
      ? `This record already exists in HubSpot (existing ID ${f.existingId}).`
      : `HubSpot reports a conflict${hubspotSays(f)}.`,
  rateLimited: (f) =>
    `HubSpot's rate limit for this app was reached${f.body.policyName ? ` (${f.body.policyName})` : ''}. Try again in ${f.retryAfterSeconds ?? 10} seconds.`,
  dailyQuota: (f) => {
    const zone = f.context.portalTimeZone;
    const when = zone
      ? `at midnight in the HubSpot account's time zone (${zone}), ${f.resetsAt?.toISOString()}`
      : `at midnight in the HubSpot account's time zone (if that is UTC: ${f.resetsAt?.toISOString()})`;
    return `HubSpot's daily API limit for this account is used up. It resets ${when}.`;
  },
  tryLater: (f) =>
    `HubSpot is temporarily not accepting this request (HTTP ${f.status}). Try again in ${f.retryAfterSeconds ?? 2} seconds.`,
  server: (f) =>
    f.context.notRepeatable
      ? mayHaveApplied(`HubSpot had an internal error (HTTP ${f.status})`, f.context)
      : `HubSpot had an internal error (HTTP ${f.status}). Try again later.`,
  network: networkMessage,
  badRequest: (f) => `HubSpot rejected the request (HTTP ${f.status})${hubspotSays(f)}.`,
  unexpected: (f) =>
    `HubSpot answered with an unexpected error${f.status ? ` (HTTP ${f.status})` : ''}${hubspotSays(f)}.`,
};

export function buildMessage(key: MessageKey, facts: MessageFacts, secrets: readonly string[] = []): string {
  const text = BUILDERS[key](facts).replace(/\.\.$/, '.');
  const id = facts.body.correlationId;
  return redact(id ? `${text} (HubSpot correlation id: ${id})` : text, secrets);
}
