import { notDocumented } from './functions';
import { type Json, type RunOptions, runCommunication } from './run';

/**
 * Webhooks and instant triggers, run as Make's docs describe them, refusing the rest (`NotDocumentedError`):
 * - A webhook's communication turns one incoming request into bundles: `iterate` (an array, or `{container,
 *   condition}`) and `output`, over the variables `body`, `headers`, `query`, `method` and the webhook's
 *   `parameters` (https://developers.make.com/custom-apps-documentation/app-components/webhooks). `verification`,
 *   `respond` and the shared webhooks' `uid` are documented but not implemented here, so they are refused.
 * - `attach` is a request whose `response.data` Make keeps as the webhook's data; `detach` gets it back as `webhook`
 *   (https://developers.make.com/custom-apps-documentation/app-components/webhooks/dedicated/attached). `attach`
 *   also sees `webhook.id` and `webhook.url`, Make's own for the new webhook.
 * - An instant trigger module outputs one bundle per webhook bundle: the bundle itself without communication, or the
 *   output of its one request, which sees the bundle as `payload`; `iterate` and pagination are not available there
 *   (https://developers.make.com/custom-apps-documentation/app-components/modules/instant-trigger).
 */

export interface IncomingRequest {
  body: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  method?: string;
}

const WEBHOOK_DIRECTIVES = new Set(['iterate', 'output']);
const WEBHOOK_UNIMPLEMENTED = new Set(['verification', 'respond', 'uid', 'condition']);

export async function runWebhook(
  communication: Json,
  request: IncomingRequest,
  parameters: Json,
): Promise<Json[]> {
  for (const key of Object.keys(communication)) {
    if (WEBHOOK_DIRECTIVES.has(key)) continue;
    if (WEBHOOK_UNIMPLEMENTED.has(key))
      throw new Error(`IML: the webhook directive ${key} is not implemented by this runner`);
    notDocumented(`the webhook directive ${key}`);
  }
  const scope = {
    body: request.body,
    headers: request.headers ?? {},
    query: request.query ?? {},
    method: request.method ?? 'POST',
    parameters,
  };
  // Without `iterate` the whole request is one bundle (`output`, or the body).
  const response = {
    output: communication.output ?? '{{body}}',
    ...(communication.iterate ? { iterate: communication.iterate } : {}),
  };
  const { outputs } = await runCommunication({ response }, scope);
  return outputs as Json[];
}

/** Runs `attach` for a new webhook; answers the data Make keeps with it (`response.data`). */
export async function runAttach(
  attach: Json,
  scope: { parameters: Json; connection: Json; common: Json; webhook: { id: string; url: string } },
  options: RunOptions = {},
): Promise<Json> {
  const { connection } = await runCommunication(attach, scope, options);
  const data = connection.data;
  if (data === undefined || data === null || typeof data !== 'object')
    return notDocumented('an attach without response.data (detach could not name what to remove)');
  return data as Json;
}

export async function runDetach(
  detach: Json,
  scope: { parameters: Json; connection: Json; common: Json; webhook: Json },
  options: RunOptions = {},
): Promise<void> {
  await runCommunication(detach, scope, options);
}

/** One webhook bundle through an instant trigger module: exactly one bundle out. */
export async function runInstantTrigger(
  communication: Json,
  payload: Json,
  scope: { parameters: Json; connection: Json; common?: Json },
  options: RunOptions = {},
): Promise<Json> {
  if (Object.keys(communication).length === 0) return payload;
  if (Array.isArray(communication)) notDocumented('more than one request in an instant trigger');
  const response = (communication.response as Json | undefined) ?? {};
  if (response.iterate !== undefined || communication.pagination !== undefined)
    notDocumented('iterate or pagination in an instant trigger (Make: "not available")');
  const { outputs } = await runCommunication(communication, { ...scope, payload }, options);
  if (outputs.length !== 1) return notDocumented(`an instant trigger request with ${outputs.length} outputs`);
  return outputs[0] as Json;
}
