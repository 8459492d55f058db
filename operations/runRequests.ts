import { defaultAssociationTypeId } from '../hubspot/associationTypes';
import { errorsFromBatch } from '../hubspot/classify';
import type { HubSpotResponse, RequestOptions } from '../hubspot/client';
import { FieldValidationError } from '../hubspot/coerce';
import type { ObjectTypeDef } from '../hubspot/objectTypes';
import type { Query, QueryValue } from '../hubspot/paths';
import { notARecordLocator } from './objects/common';
import { filterGroupsFromInput } from './objects/searchConditions';
import {
  isRecordId,
  listInput,
  notARecordId,
  propertiesFromInput,
  recordOutput,
  segmentValue,
} from './records';
import { isLeaf, type Leaf, type OutputSpec, type PathArg, type RequestSpec, type Template } from './request';
import { retrievedProperties } from './retrievedProperties';
import type { HubSpotRecord } from './search';
import { parseHubSpotTime } from './time';
import type { OperationContext, OperationDef, OperationResult } from './types';

/**
 * The one interpreter of declared requests (`operations/request.ts`) on the connector's side: it resolves a spec
 * against the step's input and sends it with `ctx.api.request`, so the core builds the URL, paces, retries and
 * classifies errors; record properties are checked and coerced by `propertiesFromInput`. Operation code around it
 * (recoveries, polling state) calls the parts.
 */

/** What a run resolves leaves against: the step's type and definition, the properties, values kept so far. */
export interface RunState {
  type: ObjectTypeDef;
  def: Pick<OperationDef, 'inputFields' | 'propertyFields'>;
  /** The record properties, when the operation computed them first (to check or adjust them); else read here. */
  properties?: Record<string, string>;
  temp: Record<string, unknown>;
}

export function runState(
  type: ObjectTypeDef,
  def: RunState['def'],
  properties?: Record<string, string>,
): RunState {
  return { type, def, properties, temp: {} };
}

/**
 * Input keys that belong to the operation, not to the record: every field but those standing for a property
 * (`propertyFields.exclude`, such as an engagement's `hs_timestamp`). Make's modules omit the same (`omitOwn`).
 */
export function ownInputKeys(def: RunState['def']): string[] {
  const properties = new Set(def.propertyFields?.exclude ?? []);
  return def.inputFields.map((f) => f.key).filter((k) => !properties.has(k));
}

/** The record properties of the step's property fields, checked and coerced (`propertiesFromInput`), once a run. */
export async function stepProperties(ctx: OperationContext, run: RunState): Promise<Record<string, string>> {
  run.properties ??= await propertiesFromInput(ctx, run.type.name, ownInputKeys(run.def));
  return run.properties;
}

const labelOf = (run: RunState, key: string) => run.def.inputFields.find((f) => f.key === key)?.label ?? key;

function textInput(ctx: OperationContext, key: string): string | undefined {
  const value = ctx.input[key];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** A list of record ids, deduplicated; anything but digits is refused naming the field. */
function idsInput(ctx: OperationContext, run: RunState, key: string): string[] {
  const ids = [...new Set(listInput(ctx.input, key))];
  const bad = ids.find((id) => !/^\d+$/.test(id));
  if (bad !== undefined) throw new FieldValidationError(key, labelOf(run, key), notARecordId(bad));
  return ids;
}

const JSON_OBJECT = 'must be a JSON object, e.g. {"name": "value"}.';

/** A JSON object input: text is parsed, an object mapped as such is taken; empty is left out when optional. */
function jsonObject(ctx: OperationContext, run: RunState, key: string, optional?: boolean): unknown {
  let value = ctx.input[key];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (optional) return undefined;
    throw new FieldValidationError(key, labelOf(run, key), 'is required.');
  }
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new FieldValidationError(key, labelOf(run, key), JSON_OBJECT);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new FieldValidationError(key, labelOf(run, key), JSON_OBJECT);
  return value;
}

/**
 * The association type chosen in a label field: `CATEGORY:typeId` as the label dropdowns give it
 * (https://developers.hubspot.com/docs/api/crm/associations/v4); undefined when empty (HubSpot's default type).
 */
function chosenAssociationType(ctx: OperationContext, run: RunState, key: string, toType: string) {
  const value = textInput(ctx, key);
  if (value === undefined) return undefined;
  const match = /^(HUBSPOT_DEFINED|USER_DEFINED|INTEGRATOR_DEFINED):(\d+)$/.exec(value);
  if (!match)
    throw new FieldValidationError(
      key,
      labelOf(run, key),
      `"${value}" is not an association label from ${run.type.name} to ${toType}: choose one in the list (its value looks like USER_DEFINED:12).`,
    );
  return { associationCategory: match[1]!, associationTypeId: Number(match[2]) };
}

/** Dotted path into an answer (`paging.next.after`, `results.0.id`, or IML's 1-based `results[1].id`). */
function at(data: unknown, dotted: string): unknown {
  return dotted
    .replace(/\[(\d+)\]/g, (_, n: string) => `.${Number(n) - 1}`)
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      data,
    );
}

/** A leaf's value; `undefined` means "leave the key out". */
async function resolveLeaf(
  ctx: OperationContext,
  leaf: Leaf,
  run: RunState,
  record?: unknown,
): Promise<unknown> {
  switch (leaf.$) {
    case 'input': {
      if (leaf.list) return idsInput(ctx, run, leaf.key);
      if (leaf.json) return jsonObject(ctx, run, leaf.key, leaf.optional);
      if (leaf.joined) {
        const names = [...new Set(listInput(ctx.input, leaf.key))];
        return names.length ? names.join(',') : undefined;
      }
      const given = textInput(ctx, leaf.key);
      const fallback = typeof leaf.otherwise === 'object' ? run.type[leaf.otherwise.pick] : leaf.otherwise;
      const value = given ?? fallback;
      if (value === undefined && !leaf.optional)
        throw new FieldValidationError(leaf.key, labelOf(run, leaf.key), 'is required.');
      if (value !== undefined && leaf.recordId && !isRecordId(value))
        throw new FieldValidationError(leaf.key, labelOf(run, leaf.key), notARecordId(value));
      if (value !== undefined && leaf.uniqueBy && !textInput(ctx, leaf.uniqueBy) && !isRecordId(value))
        throw new FieldValidationError(leaf.key, labelOf(run, leaf.key), notARecordLocator(value));
      return value;
    }
    case 'objectType':
      return run.type.name;
    case 'typeProperty':
      return run.type[leaf.pick];
    case 'properties': {
      const own = await stepProperties(ctx, run);
      const extra: Record<string, string> = {};
      for (const [name, from] of Object.entries(leaf.with ?? {})) {
        const value = await resolveLeaf(ctx, { ...from, optional: true }, run);
        if (value !== undefined) extra[name] = String(value);
      }
      return { ...own, ...extra };
    }
    case 'retrieve': {
      const also = leaf.alsoInput ? textInput(ctx, leaf.alsoInput) : undefined;
      return [...new Set([...retrievedProperties(ctx, run.type), ...(also ? [also] : [])])];
    }
    case 'propertyNamedBy': {
      const name = textInput(ctx, leaf.key);
      const value = name ? (await stepProperties(ctx, run))[name] : undefined;
      if (!name || !value)
        throw new FieldValidationError(
          name ?? leaf.key,
          name ?? labelOf(run, leaf.key),
          'is required: it is the value the record is matched on.',
        );
      return value;
    }
    case 'associations':
      return leaf.targets.flatMap(({ input, toType, label, associationTypeId: labelled }) => {
        const associationTypeId = labelled ?? defaultAssociationTypeId(run.type.name, toType);
        if (associationTypeId === undefined)
          throw new Error(`No HubSpot-defined association from ${run.type.name} to ${toType}.`);
        const type = (label && chosenAssociationType(ctx, run, label, toType)) || {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId,
        };
        return idsInput(ctx, run, input).map((id) => ({ to: { id }, types: [type] }));
      });
    case 'temp':
      return run.temp[leaf.key];
    case 'answer':
      return at(record, leaf.path) ?? leaf.default;
    case 'changeKey': {
      const r = record as HubSpotRecord;
      return `${r.id}-${parseHubSpotTime(r.properties?.[run.type.lastModifiedProperty] ?? r.updatedAt)}`;
    }
    case 'limit': {
      // The step's own limit, checked by the operation before any call; else the platform-less default.
      const wanted = leaf.input ? Number(textInput(ctx, leaf.input) ?? leaf.default) : leaf.default;
      return Math.min(Number.isInteger(wanted) && wanted > 0 ? wanted : leaf.default, leaf.max);
    }
    case 'filterGroups':
      return filterGroupsFromInput(ctx.input, leaf.key);
  }
}

/** A template resolved to JSON; keys whose value resolves to `undefined` are left out. */
export async function resolveTemplate(
  ctx: OperationContext,
  template: Template,
  run: RunState,
  record?: unknown,
): Promise<unknown> {
  if (isLeaf(template)) return resolveLeaf(ctx, template, run, record);
  if (Array.isArray(template)) return Promise.all(template.map((t) => resolveTemplate(ctx, t, run, record)));
  if (typeof template === 'object') {
    const entries = await Promise.all(
      Object.entries(template as Record<string, Template>).map(
        async ([k, t]) => [k, await resolveTemplate(ctx, t, run, record)] as const,
      ),
    );
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  }
  return template;
}

async function pathArg(ctx: OperationContext, arg: PathArg, run: RunState): Promise<string> {
  if (typeof arg === 'string') return arg;
  const value = await resolveLeaf(ctx, arg, run);
  if (value === undefined) throw new Error(`A path segment (${JSON.stringify(arg)}) has no value.`);
  // A dot segment would address another endpoint; refused naming the field (`hubspot/paths.ts` is the last guard).
  return arg.$ === 'input'
    ? segmentValue(String(value), { key: arg.key, label: labelOf(run, arg.key) })
    : String(value);
}

/** The request `spec` describes for this step, ready for `ctx.api.request`. */
export async function requestOptions(
  ctx: OperationContext,
  spec: RequestSpec,
  run: RunState,
): Promise<RequestOptions> {
  const args = [];
  for (const arg of spec.path.args) args.push(await pathArg(ctx, arg, run));
  const query = spec.query ? ((await resolveTemplate(ctx, spec.query, run)) as Record<string, unknown>) : {};
  const queryText: Query = Object.fromEntries(
    Object.entries(query).map(([k, v]) => [k, (Array.isArray(v) ? v.join(',') : v) as QueryValue]),
  );
  return {
    method: spec.method,
    path: spec.path.build(...args),
    ...(spec.query ? { query: queryText } : {}),
    ...(spec.body !== undefined ? { json: await resolveTemplate(ctx, spec.body, run) } : {}),
    // A search reads: safe to repeat after a lost answer.
    ...(spec.search ? { lane: 'search' as const, idempotent: true } : {}),
    ...(spec.idempotent ? { idempotent: true } : {}),
  };
}

/** Sends one declared request (`extra`: what only code knows, such as an error context) and keeps its `temp`. */
export async function sendRequest<T = unknown>(
  ctx: OperationContext,
  spec: RequestSpec,
  run: RunState,
  extra: Partial<RequestOptions> = {},
): Promise<HubSpotResponse<T>> {
  const answer = await ctx.api.request<T>({ ...(await requestOptions(ctx, spec, run)), ...extra });
  for (const [key, from] of Object.entries(spec.temp ?? {})) run.temp[key] = at(answer.data, from);
  return answer;
}

async function extras(
  ctx: OperationContext,
  fields: Readonly<Record<string, Template>> | undefined,
  run: RunState,
  record: unknown,
): Promise<OperationResult> {
  return fields ? ((await resolveTemplate(ctx, fields, run, record)) as OperationResult) : {};
}

/** The step's output from the answer of the request carrying `output`. */
export async function outputOf(
  ctx: OperationContext,
  output: OutputSpec,
  answer: HubSpotResponse,
  run: RunState,
): Promise<OperationResult | OperationResult[]> {
  if (output.kind === 'fixed') return extras(ctx, output.fields, run, answer.data);
  if (output.kind === 'results') {
    const records = (answer.data as { results?: HubSpotRecord[] }).results ?? [];
    return Promise.all(records.map((r) => resultOutput(ctx, output, r, run)));
  }
  const record =
    output.from === 'firstResult' ? firstResult(answer.data, run) : (answer.data as HubSpotRecord);
  return recordOutput(record, await extras(ctx, output.extra, run, record));
}

/** One record of a `results` output, with the output's extra fields (a trigger's record id, its dedupe key). */
export async function resultOutput(
  ctx: OperationContext,
  output: Extract<OutputSpec, { kind: 'results' }>,
  record: HubSpotRecord,
  run: RunState,
): Promise<OperationResult> {
  return recordOutput(record, await extras(ctx, output.extra, run, record));
}

/**
 * What a declared poll asks for, for the polling code that keeps its window and last id (`operations/polling.ts`):
 * the type's time property and the properties of the declared body.
 */
export async function declaredPoll(
  ctx: OperationContext,
  spec: RequestSpec,
  run: RunState,
): Promise<{ objectType: string; timeProperty: string; properties: string[] }> {
  if (!spec.poll) throw new Error('declaredPoll: the request declares no poll.');
  const body = (await resolveTemplate(ctx, spec.body ?? {}, run)) as { properties?: string[] };
  return {
    objectType: run.type.name,
    timeProperty: run.type[spec.poll.time],
    properties: body.properties ?? [],
  };
}

/** The first record of a batch answer; a batch item's error fails the step as the error table classifies it. */
function firstResult(data: unknown, run: RunState): HubSpotRecord {
  const [error] = errorsFromBatch(data, { objectType: run.type.name });
  if (error) throw error;
  const [record] = (data as { results?: HubSpotRecord[] }).results ?? [];
  if (!record) throw new Error(`HubSpot answered a batch request on ${run.type.plural} without a record.`);
  return record;
}

/**
 * A search's results over its pages (`pagination`), up to the output's limit: the cursor goes back in the body or
 * the query as `after`.
 */
async function pagedResults(
  ctx: OperationContext,
  spec: RequestSpec,
  output: Extract<OutputSpec, { kind: 'results' }>,
  run: RunState,
  extra: Partial<RequestOptions>,
): Promise<OperationResult[]> {
  const limit = (await resolveLeaf(ctx, output.limit, run)) as number;
  const options = { ...(await requestOptions(ctx, spec, run)), ...extra };
  const results: OperationResult[] = [];
  for (;;) {
    const answer = await ctx.api.request(options);
    results.push(...((await outputOf(ctx, output, answer, run)) as OperationResult[]));
    const after = at(answer.data, 'paging.next.after');
    if (results.length >= limit || !spec.pagination || typeof after !== 'string' || after === '') break;
    if (spec.pagination.cursor === 'body') options.json = { ...(options.json as object), after };
    else options.query = { ...options.query, after };
  }
  return results.slice(0, limit);
}

/**
 * Runs declared requests in order, each seeing the `temp` of those before, and returns the output of the last.
 * `extra` adds per-request options only code knows (an error context, statuses to accept).
 */
export async function runRequests(
  ctx: OperationContext,
  specs: readonly RequestSpec[],
  run: RunState,
  extra: (spec: RequestSpec, index: number) => Partial<RequestOptions> = () => ({}),
): Promise<OperationResult | OperationResult[]> {
  let result: OperationResult | OperationResult[] = {};
  for (const [i, spec] of specs.entries()) {
    if (spec.output?.kind === 'results') {
      result = await pagedResults(ctx, spec, spec.output, run, extra(spec, i));
      continue;
    }
    const answer = await sendRequest(ctx, spec, run, extra(spec, i));
    if (spec.output) result = await outputOf(ctx, spec.output, answer, run);
  }
  return result;
}
