import { API_PATH_REASONS, apiPath, apiPathProblem } from '../../hubspot/apiPath';
import { FieldValidationError } from '../../hubspot/coerce';
import type { HttpMethod } from '../../hubspot/transport';
import type { OperationContext, OperationDef } from '../types';

/**
 * Calls any HubSpot API path through the connector's client: same auth, throttle, retries and error mapping. Only
 * paths on the HubSpot API host are accepted (`hubspot/apiPath.ts`, the rules Make's "Make an API Call" applies too):
 * an absolute URL, a protocol-relative `//host`, `\`, `@`, a dot segment or a control character is refused, so the
 * user's token never leaves for another host. A path typed without its leading `/` gets one.
 * https://developers.hubspot.com/docs/api/overview
 */

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export const apiRequest: OperationDef = {
  key: 'api_request',
  kind: 'create',
  noun: 'API Request',
  label: 'API Request',
  description: 'Sends a request to any API endpoint, signed with this connection (advanced).',
  inputFields: [
    {
      key: 'method',
      label: 'Method',
      required: true,
      default: 'GET',
      choices: METHODS.map((m) => ({ value: m, label: m })),
      helpText: 'GET reads; POST, PUT and PATCH write the body below; DELETE removes.',
    },
    {
      key: 'path',
      label: 'Path',
      required: true,
      placeholder: '/crm/v3/objects/contacts',
      helpText: 'A path on the HubSpot API, starting with /.',
    },
    { key: 'query', label: 'Query parameters', type: 'json', helpText: 'A JSON object, e.g. {"limit": 10}.' },
    { key: 'body', label: 'Body', type: 'json', helpText: 'A JSON body for POST, PUT and PATCH.' },
  ],
  outputFields: [
    { key: 'status', label: 'HTTP status', type: 'integer' },
    { key: 'data', label: 'Response' },
  ],
  sample: { status: 200, data: { results: [] } },
  code: {
    reason:
      "The method, path, query and body are the user's own; the path is checked to stay on HubSpot's API before the connection's token is sent.",
  },
  calls: { endpoints: ['{method} {path}'], perRun: '1' },
  async perform(ctx) {
    const method = String(ctx.input.method || 'GET').toUpperCase() as HttpMethod;
    if (!METHODS.includes(method))
      throw new FieldValidationError('method', 'Method', `must be one of ${METHODS.join(', ')}.`);
    const path = safePath(String(ctx.input.path ?? ''));
    const query = jsonInput(ctx, 'query', 'Query parameters');
    const body = jsonInput(ctx, 'body', 'Body');
    const { status, data } = await ctx.api.request<unknown>({
      method,
      path,
      query: query as Record<string, string>,
      json: method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}),
    });
    return { status, data: data ?? null };
  },
};

/** A path on the API host, or a field-naming error. */
export function safePath(raw: string): string {
  const typed = raw.trim();
  const refuse = (why: string) => new FieldValidationError('path', 'Path', why);
  if (!typed) throw refuse('is required.');
  const problem = apiPathProblem(typed);
  if (problem) throw refuse(API_PATH_REASONS[problem]);
  // The query travels in its own field, as JSON; Make's module has its own Query String too.
  if (typed.includes('?') || typed.includes('#'))
    throw refuse('must not carry a query string; use Query parameters.');
  return apiPath(typed);
}

function jsonInput(ctx: OperationContext, key: string, label: string): Record<string, unknown> | undefined {
  const raw = ctx.input[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'object') return raw as Record<string, unknown>;
  try {
    const parsed = JSON.parse(String(raw));
    if (parsed && typeof parsed === 'object') return parsed;
  } catch {
    // fall through to the field error
  }
  throw new FieldValidationError(key, label, 'must be a JSON object.');
}
