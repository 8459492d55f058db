import { render, type Scope, SPREAD, truth } from './evaluate';
import { imlText, isCollection, kindOf, notDocumented, toDate } from './functions';

/**
 * Runs a Make communication (one request spec or an array of them) over HTTP the way Make's docs describe it, and
 * refuses what they do not describe (a `NotDocumentedError`, "not documented by Make: …"):
 * - Requests (https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests): `temp`
 *   runs first ("before `condition`, `url`, …"), then `condition`: a false one goes on to the next request "or
 *   returns nothing", and `{condition, default}` makes `default` "the module output when the condition is false".
 *   With several requests the last one's output is the module's
 *   (https://developers.make.com/custom-apps-documentation/component-blocks/api/multiple-requests); what a module
 *   outputs when that last request is skipped is not said, so a skipped last request (or a `default` on another) is
 *   refused. The request encodings of `type`; the Base's `baseUrl`, `headers`, `qs` and `response.error`.
 * - Request-less steps (no `url`: `temp`, `valid`, `iterate`, `output`,
 *   https://developers.make.com/custom-apps-documentation/component-blocks/api/request-less-communication).
 * - Responses: `temp`, `valid`, `iterate`, `output`, `limit`, `wrapper`, `trigger`, the connection's `data`, `uid`,
 *   `metadata`, `expires`, and `error` turning a 4xx/5xx into a Make error type
 *   (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses).
 * - Pagination (https://developers.make.com/custom-apps-documentation/component-blocks/api/pagination): `qs` and
 *   `headers` merge with the request's, `url`, `method` and `body` replace it; it stops on a false `condition`, an
 *   empty page or the `limit`.
 * Directives Make documents but this runner does not implement (`repeat`, `aws`, `ca`, …) are refused as such.
 */

export type Json = Record<string, unknown>;

export class MakeError extends Error {
  override name = 'MakeError';
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

export interface RunOptions {
  /** The app's Base (`general/base.iml.json`); connections run without it. */
  base?: Json;
  /** Points HubSpot's hosts at the sandbox. */
  rewriteUrl?: (url: string) => string;
  now?: () => Date;
  /** Every request sent, for assertions. */
  onRequest?: (request: { method: string; url: string; body?: unknown }) => void;
}

export interface TriggerItem {
  output: unknown;
  id: unknown;
  date?: unknown;
}

export interface RunResult {
  outputs: unknown[];
  triggers: TriggerItem[];
  temp: Json;
  /** The connection directives of the last step: `data`, `uid`, `metadata`, `expires`. */
  connection: Json;
}

/** "Max Pagination Request Count … 50" (pagination docs). */
const MAX_PAGINATION_REQUESTS = 50;

/** A value sent in a URL, a header, a form or a text body, or shown in a message: a primitive, as text. */
const str = (v: unknown) => imlText(v, 'sent as text');

export async function runCommunication(
  communication: Json | Json[],
  scope: Scope,
  options: RunOptions = {},
): Promise<RunResult> {
  const steps = Array.isArray(communication) ? communication : [communication];
  let temp: Json = { ...((scope.temp as Json) ?? {}) };
  let result: RunResult = { outputs: [], triggers: [], temp, connection: {} };
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    const ran = await runStep(step, { ...scope, temp }, options, steps.length === 1);
    temp = ran.temp;
    if (ran.skipped && last && steps.length > 1)
      notDocumented('the output of a module whose last request is skipped by its condition');
    result = ran.skipped && !last ? { ...result, temp } : ran;
  }
  return result;
}

const REQUEST_DIRECTIVES = new Set([
  'url',
  'method',
  'headers',
  'qs',
  'body',
  'type',
  'temp',
  'condition',
  'response',
  'pagination',
  'log',
  'baseUrl',
]);
/** Documented in Make's request schema (integromat/vscode-apps-sdk, syntaxes/imljson/schemas/api.json). */
const UNIMPLEMENTED = new Set([
  'repeat',
  'aws',
  'ca',
  'encodeUrl',
  'gzip',
  'followRedirects',
  'followAllRedirects',
  'oauth',
  'timeout',
]);
const RESPONSE_DIRECTIVES = new Set([
  'output',
  'iterate',
  'limit',
  'wrapper',
  'temp',
  'valid',
  'error',
  'trigger',
  'data',
  'uid',
  'metadata',
  'expires',
]);
const PAGINATION_DIRECTIVES = new Set([
  'mergeWithParent',
  'url',
  'method',
  'headers',
  'qs',
  'body',
  'condition',
]);

function checkDirectives(spec: Json): void {
  const known = (keys: Iterable<string>, allowed: Set<string>, where: string) => {
    for (const key of keys) {
      if (allowed.has(key)) continue;
      if (UNIMPLEMENTED.has(key))
        throw new Error(`IML: the directive ${where}${key} is not implemented by this runner`);
      notDocumented(`the directive ${where}${key}`);
    }
  };
  known(Object.keys(spec), REQUEST_DIRECTIVES, '');
  known(Object.keys((spec.response as Json) ?? {}), RESPONSE_DIRECTIVES, 'response.');
  known(Object.keys((spec.pagination as Json) ?? {}), PAGINATION_DIRECTIVES, 'pagination.');
  // `temp` is documented between requests and within one response; what it holds across the pages of a paginated
  // request (each page's, the last one's, or all of them merged) is not
  // (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/temp, .../pagination).
  if (spec.pagination !== undefined && (spec.response as Json | undefined)?.temp !== undefined)
    notDocumented('response.temp on a paginated request (what temp keeps across its pages)');
}

function inheritBase(spec: Json, base: Json | undefined): Json {
  if (!base) return spec;
  const response = { ...((spec.response as Json) ?? {}) };
  const baseResponse = (base.response as Json) ?? {};
  if (baseResponse.error || response.error)
    response.error = mergeErrors(baseResponse.error as Json, response.error as Json);
  return {
    ...spec,
    headers: { ...((base.headers as Json) ?? {}), ...((spec.headers as Json) ?? {}) },
    qs: { ...((base.qs as Json) ?? {}), ...((spec.qs as Json) ?? {}) },
    response,
    baseUrl: base.baseUrl,
  };
}

function mergeErrors(base?: Json, own?: Json): Json {
  return { ...(base ?? {}), ...(own ?? {}) };
}

interface StepResult extends RunResult {
  /** The step's condition was false: it sent nothing and output nothing of its own. */
  skipped?: boolean;
}

async function runStep(spec: Json, scope: Scope, options: RunOptions, alone: boolean): Promise<StepResult> {
  checkDirectives(spec);
  const now = options.now?.() ?? new Date();
  const request = inheritBase(spec, options.base);
  let temp: Json = { ...((scope.temp as Json) ?? {}) };
  if (request.temp) temp = { ...temp, ...(render(request.temp, { ...scope, now, temp }) as Json) };
  const base: Scope = { ...scope, now, temp };
  if (request.condition !== undefined) {
    const condition = request.condition as Json | string | boolean;
    const spec = isCollection(condition) ? condition : { condition };
    if (!truth(render(spec.condition, base), 'condition')) {
      if (spec.default !== undefined && !alone)
        notDocumented('condition.default on a request of a module with several requests');
      const outputs = spec.default === undefined ? [] : [render(spec.default, base)];
      return { outputs, triggers: [], temp, connection: {}, skipped: true };
    }
  }
  const response = (request.response as Json) ?? {};
  if (request.url === undefined) return requestless(response, { ...base, temp });
  let current: Outgoing = {
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers as Json | undefined,
    qs: request.qs as Json | undefined,
    body: request.body,
  };
  const outputs: unknown[] = [];
  const triggers: TriggerItem[] = [];
  let connection: Json = {};
  for (let page = 1; page <= MAX_PAGINATION_REQUESTS + 1; page++) {
    const requestScope: Scope = { ...base, temp, pagination: { page } };
    const answer = await send(current, request, requestScope, options);
    let responseScope: Scope = {
      ...requestScope,
      body: answer.body,
      headers: answer.headers,
      statusCode: answer.status,
    };
    if (answer.status >= 400)
      throw errorFrom(response.error as Json | string | undefined, responseScope, answer.status);
    if (response.temp) {
      temp = { ...temp, ...(render(response.temp, responseScope) as Json) };
      responseScope = { ...responseScope, temp };
    }
    checkValid(response.valid, responseScope);
    const pageItems = emit(response, responseScope, outputs, triggers);
    if (response.data !== undefined || response.uid !== undefined || response.metadata !== undefined)
      connection = render(
        { data: response.data, uid: response.uid, metadata: response.metadata, expires: response.expires },
        responseScope,
      ) as Json;
    const pagination = request.pagination as Json | undefined;
    if (!pagination || response.iterate === undefined || pageItems === 0) break;
    if (outputs.length >= limitOf(response, responseScope)) break;
    // The pagination directives see the last response, and `pagination.page` is already the next page's number
    // ("After the first request, the value of pagination.page will be 2").
    const nextScope: Scope = { ...responseScope, pagination: { page: page + 1 } };
    if (pagination.condition !== undefined && !truth(render(pagination.condition, nextScope), 'pagination'))
      break;
    current = nextRequest(current, pagination, nextScope);
  }
  if (response.wrapper !== undefined) {
    const wrapped = render(response.wrapper, { ...base, temp, output: outputs });
    return { outputs: Array.isArray(wrapped) ? wrapped : [wrapped], triggers, temp, connection };
  }
  return { outputs, triggers, temp, connection };
}

/** `limit`: a number (or an IML expression giving one); none means every item. */
function limitOf(response: Json, scope: Scope): number {
  if (response.limit === undefined) return Infinity;
  const limit = render(response.limit, scope);
  if (typeof limit !== 'number') return notDocumented(`a limit that is ${kindOf(limit)}`);
  return limit;
}

/**
 * The bundles of one response: every item of `iterate` (an array; its `condition` keeps some) through `output`
 * (default `item`), up to `limit`, each also a trigger item; or `output` (default `body`) once. Answers how many items
 * the page held, which is what stops pagination.
 */
function emit(response: Json, scope: Scope, outputs: unknown[], triggers: TriggerItem[]): number {
  if (response.iterate === undefined) {
    outputs.push(render(response.output ?? '{{body}}', scope, true));
    return 0;
  }
  const iterate = response.iterate as string | Json;
  const container = render(typeof iterate === 'string' ? iterate : iterate.container, scope);
  if (!Array.isArray(container)) return notDocumented(`iterate over ${kindOf(container)}`);
  const condition = typeof iterate === 'object' ? iterate.condition : undefined;
  const limit = limitOf(response, scope);
  let pageItems = 0;
  for (const item of container) {
    const itemScope = { ...scope, item };
    if (condition !== undefined && !truth(render(condition, itemScope), 'iterate.condition')) continue;
    pageItems++;
    if (outputs.length >= limit) break;
    const output = render(response.output ?? '{{item}}', itemScope, true);
    outputs.push(output);
    if (response.trigger) {
      const trigger = response.trigger as Json;
      triggers.push({ output, id: render(trigger.id, itemScope), date: render(trigger.date, itemScope) });
    }
  }
  return pageItems;
}

/**
 * A step without `url` sends nothing: its response directives run on the module's own values (Make's static mode,
 * https://developers.make.com/custom-apps-documentation/component-blocks/api/request-less-communication). With no
 * `output` it outputs nothing.
 */
function requestless(response: Json, scope: Scope): RunResult {
  const temp = response.temp
    ? { ...(scope.temp as Json), ...(render(response.temp, scope) as Json) }
    : (scope.temp as Json);
  const responseScope = { ...scope, temp };
  checkValid(response.valid, responseScope);
  const outputs: unknown[] = [];
  const triggers: TriggerItem[] = [];
  if (response.output !== undefined || response.iterate !== undefined)
    emit(response, responseScope, outputs, triggers);
  return { outputs, triggers, temp, connection: {} };
}

/** A request about to be sent: its parts still IML, or already rendered (`rendered()`) by the pagination. */
interface Outgoing {
  url: unknown;
  method: unknown;
  headers?: Json;
  qs?: Json;
  body?: unknown;
}

const RENDERED = Symbol('rendered');
const rendered = (value: unknown) => ({ [RENDERED]: value });
const renderedEach = (values: unknown): Json =>
  Object.fromEntries(Object.entries(values as Json).map(([k, v]) => [k, rendered(v)]));

/**
 * The next page's request: `url`, `method` and `body` replace the request's, `qs` and `headers` merge with its own
 * unless `mergeWithParent` is false, all rendered now, in the last response's scope.
 */
function nextRequest(current: Outgoing, pagination: Json, scope: Scope): Outgoing {
  const merge = pagination.mergeWithParent !== false;
  const own = (part: 'qs' | 'headers') =>
    pagination[part] === undefined ? {} : renderedEach(render(pagination[part], scope, true));
  return {
    url: pagination.url === undefined ? current.url : rendered(render(pagination.url, scope)),
    method: pagination.method === undefined ? current.method : rendered(render(pagination.method, scope)),
    headers: { ...(merge ? current.headers : {}), ...own('headers') },
    qs: { ...(merge ? current.qs : {}), ...own('qs') },
    body: pagination.body === undefined ? current.body : rendered(render(pagination.body, scope, true)),
  };
}

function renderPart(value: unknown, scope: Scope, spread = false): unknown {
  if (value && typeof value === 'object' && RENDERED in value)
    return (value as Record<symbol, unknown>)[RENDERED];
  return render(value, scope, spread);
}
function renderMap(values: Json | undefined, scope: Scope): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (k === SPREAD) Object.assign(out, render({ [k]: v }, scope, true) as Json);
    else {
      const rendered = renderPart(v, scope);
      if (rendered !== undefined && rendered !== null) out[k] = rendered;
    }
  }
  return out;
}

async function send(
  current: Outgoing,
  request: Json,
  scope: Scope,
  options: RunOptions,
): Promise<{ status: number; headers: Json; body: unknown }> {
  let url = str(renderPart(current.url, scope));
  if (url.startsWith('/') && request.baseUrl) url = `${request.baseUrl}${url}`;
  if (options.rewriteUrl) url = options.rewriteUrl(url);
  const target = new URL(url);
  for (const [k, v] of Object.entries(renderMap(current.qs, scope)))
    for (const one of Array.isArray(v) ? v : [v]) target.searchParams.append(k, str(one));
  const method = str(renderPart(current.method, scope)).toUpperCase() || 'GET';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(renderMap(current.headers, scope))) headers[k.toLowerCase()] = str(v);
  const body = current.body === undefined ? undefined : renderPart(current.body, scope, true);
  let payload: string | FormData | undefined;
  const type = (request.type as string) ?? 'json';
  if (body !== undefined && method !== 'GET') {
    if (type === 'multipart/form-data') {
      payload = multipart(body as Json);
    } else if (type === 'urlencoded') {
      payload = new URLSearchParams(
        Object.entries(body as Json)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]): [string, string] => [k, str(v)]),
      ).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (type === 'text' || type === 'string' || type === 'raw') {
      payload = str(body);
    } else {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
  }
  options.onRequest?.({ method, url: target.toString(), body });
  let res: Response;
  try {
    res = await fetch(target, { method, headers, body: payload, redirect: 'manual' });
  } catch (error) {
    // No answer at all: Make reports it as a ConnectionError and retries.
    throw new MakeError('ConnectionError', `Connection failed: ${(error as Error).message}`);
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: Make's automatic parsing keeps the text.
  }
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: parsed };
}

/**
 * Make's multipart body: each field a text, or a file as `{value: buffer, options: {filename, contentType}}` (the
 * request-library form Make documents for `type: multipart/form-data`). fetch sets the boundary.
 */
function multipart(body: Json): FormData {
  const form = new FormData();
  for (const [name, part] of Object.entries(body)) {
    if (part === undefined || part === null) continue;
    const file = part as { value?: unknown; options?: { filename?: string; contentType?: string } };
    if (typeof part === 'object' && file.value instanceof Uint8Array) {
      const blob = new Blob([file.value], { type: file.options?.contentType ?? 'application/octet-stream' });
      form.append(name, blob, file.options?.filename ?? 'file');
    } else form.append(name, str(part));
  }
  return form;
}

function errorFrom(spec: Json | string | undefined, scope: Scope, status: number): MakeError {
  if (spec === undefined) return new MakeError('RuntimeError', `Status Code Error: ${status}`, status);
  if (typeof spec === 'string') return new MakeError('RuntimeError', str(render(spec, scope)), status);
  const own = (spec[String(status)] as Json | undefined) ?? spec;
  const type = own.type ?? spec.type;
  return new MakeError(
    type === undefined ? 'RuntimeError' : str(render(type, scope)),
    str(render(own.message ?? spec.message, scope)),
    status,
  );
}

function checkValid(valid: unknown, scope: Scope): void {
  if (valid === undefined) return;
  const spec = typeof valid === 'object' && valid ? (valid as Json) : { condition: valid };
  if (render(spec.condition, scope)) return;
  throw new MakeError(
    spec.type ? str(render(spec.type, scope)) : 'RuntimeError',
    // The fallback the `valid` page gives: "Causes error 'Response marked as invalid.'"
    spec.message ? str(render(spec.message, scope)) : 'Response marked as invalid.',
  );
}

/** Deep merge for epoch overrides onto a trigger's communication (objects merge, everything else replaces). */
export function deepMerge(a: unknown, b: unknown): unknown {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Json = { ...(a as Json) };
    for (const [k, v] of Object.entries(b as Json)) out[k] = deepMerge(out[k], v);
    return out;
  }
  return b === undefined ? a : b;
}

/** Make's polling-trigger state: the newest date (and its id) already emitted. */
export interface TriggerState {
  lastDate?: string;
  lastID?: unknown;
}

/**
 * One poll of a `type: date` trigger: the items after the state, oldest first (Make processes bundles in
 * chronological order), and the new state. Make "sorts all items by their date and id fields and returns only
 * unprocessed items" (https://developers.make.com/custom-apps-documentation/app-components/modules/trigger): an item
 * at the last date is new when its id is above the last id.
 */
export function applyTrigger(
  items: TriggerItem[],
  state: TriggerState,
): { emitted: unknown[]; state: TriggerState } {
  const time = (v: unknown) => toDate(v, 'trigger.date').getTime();
  const byDateAndId = (x: TriggerItem, y: TriggerItem) =>
    time(x.date) - time(y.date) || compareIds(x.id, y.id);
  const since = state.lastDate === undefined ? -Infinity : time(state.lastDate);
  const unprocessed = (i: TriggerItem) =>
    time(i.date) > since ||
    (time(i.date) === since && state.lastID !== undefined && compareIds(i.id, state.lastID) > 0);
  const fresh = items.filter(unprocessed).sort(byDateAndId);
  if (fresh.length === 0) return { emitted: [], state };
  const newest = fresh[fresh.length - 1]!;
  return {
    emitted: fresh.map((i) => i.output),
    state: { lastDate: toDate(newest.date, 'trigger.date').toISOString(), lastID: newest.id },
  };
}

/** Numeric ids (HubSpot's) compare as numbers, others as text. */
function compareIds(a: unknown, b: unknown): number {
  const [x, y] = [String(a), String(b)];
  return /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
}
