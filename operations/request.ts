import type { Id } from '../hubspot/paths';

/**
 * An operation's HubSpot request(s) as data, declared once: `operations/runRequests.ts` runs them on Zapier through
 * the HubSpot core (which coerces, builds the URL, paces, retries and classifies errors), and `make/renderRequest.ts`
 * renders them into Make's IML `communication`. Only the constructs today's operations need; extend, never rename
 * (other operations are written against these names).
 *
 * A template is JSON whose leaves are literals (a string, number or boolean) or a `Leaf` (an object with `$`), which
 * each platform resolves from the step: the input, the object type, the record properties of the property fields...
 *
 * An operation in this style declares `objectType`, `requests` and, when its `perform` does more than
 * `runRequests(ctx, def.requests, runState(type, def))`, a `code.reason`; e.g. the update
 * (`operations/objects/updateRecord.ts`):
 *   { method: 'PATCH', path: path(paths.objects.one, OBJECT_TYPE, input('record_id', { uniqueBy: 'id_property' })),
 *     query: { idProperty: input('id_property', { optional: true }) }, body: { properties: PROPERTIES },
 *     output: { kind: 'record' } }
 */

/** An input field's value (trimmed text; a list field as its values). Optional: omitted when empty. */
export interface InputLeaf {
  $: 'input';
  key: string;
  optional?: boolean;
  /** A list field (record ids): its values, deduplicated; an empty list when nothing is mapped. */
  list?: boolean;
  /** A HubSpot record id: digits only, refused naming the field otherwise (list values always are). */
  recordId?: boolean;
  /**
   * A JSON object field (`type: 'json'`): the object typed as JSON text, or mapped as an object; anything else is
   * refused naming the field. Sent as the object.
   */
  json?: boolean;
  /**
   * A record id, or any value of the unique property named in the input field `uniqueBy` ("Find by", HubSpot's
   * `idProperty`), such as an e-mail.
   */
  uniqueBy?: string;
  /**
   * A list field of names (object types), not record ids: sent as one comma-separated text, as a query takes it
   * (`associations=companies,deals`); left out when empty.
   */
  joined?: boolean;
  /** The value when the optional field is empty: a literal, or a property of the object type's definition. */
  otherwise?: string | TypePropertyLeaf;
}

/** The operation's object type: fixed, or the one chosen in the step's type field. */
export interface ObjectTypeLeaf {
  $: 'objectType';
}

/**
 * The record properties: every property field of the step (checked and coerced by property type on Zapier; typed at
 * design time on Make), with `with`: values of the operation's own fields written as properties
 * (`hs_product_id` from `product_id`), each only when given.
 */
export interface PropertiesLeaf {
  $: 'properties';
  with?: Readonly<Record<string, InputLeaf>>;
}

/**
 * The properties a read or search asks for: the type's common ones and those chosen in "Properties to retrieve",
 * plus the value of the input field `alsoInput` (the property searched on). An array in a body.
 */
export interface RetrieveLeaf {
  $: 'retrieve';
  alsoInput?: string;
}

/** The value of the record property whose name is in the input field `key` (an upsert's `id`, by `id_property`). */
export interface PropertyNamedByLeaf {
  $: 'propertyNamedBy';
  key: string;
}

/**
 * One inline association of a create: the ids in an input field, with HubSpot's default type to `toType`, or the
 * association type chosen in the input field `label` (`CATEGORY:typeId`, as the label dropdowns give it).
 */
export interface AssociationTarget {
  input: string;
  toType: string;
  list?: boolean;
  /** A labelled type instead of HubSpot's default one (a lead's primary contact, 578). */
  associationTypeId?: number;
  /** The input field holding the association label chosen for these records (`CATEGORY:typeId`). */
  label?: string;
}

/** A create's inline `associations` (`[{to: {id}, types: [...]}]`) from record-id fields. */
export interface AssociationsLeaf {
  $: 'associations';
  targets: readonly AssociationTarget[];
}

/**
 * A value kept from an earlier request of the same run (`RequestSpec.temp`), as Make's `temp`. Its answer path is
 * dotted; a `[n]` segment is the n-th item of an array, counting from 1 as IML does (`results[1].id`).
 */
export interface TempLeaf {
  $: 'temp';
  key: string;
}

/** In an output only: a value of the answer at a dotted path (of the record the output reads), or `default`. */
export interface AnswerLeaf {
  $: 'answer';
  path: string;
  default?: string | number | boolean;
}

/**
 * How many results a search asks for in one request: the step's own limit (Make's "Maximum number of results") or
 * `default` where the platform has none, at most `max` (HubSpot's page size).
 */
export interface LimitLeaf {
  $: 'limit';
  default: number;
  max: number;
  /** The step's own field holding the limit, on both platforms (Make's module then adds no Limit of its own). */
  input?: string;
}

/**
 * Search conditions of the field `key` as HubSpot's `filterGroups` (OR of groups, AND within one), checked against
 * HubSpot's limits before any call (`operations/objects/searchConditions.ts`). Zapier's field is line items (rows
 * with a group number); Make's parameter of the same key is already nested in filterGroups' shape, since IML cannot
 * regroup rows (`make/filterGroups.ts`).
 */
export interface FilterGroupsLeaf {
  $: 'filterGroups';
  key: string;
}

/** A property of the object type's definition (its creation-time property...), fixed or by the chosen type. */
export interface TypePropertyLeaf {
  $: 'typeProperty';
  pick: 'createdProperty' | 'lastModifiedProperty' | 'primaryDisplayProperty';
}

/** In an output only: the record id and its modification time (epoch ms) joined by `-`, a change's dedupe key. */
export interface ChangeKeyLeaf {
  $: 'changeKey';
}

export type Leaf =
  | FilterGroupsLeaf
  | ChangeKeyLeaf
  | TypePropertyLeaf
  | InputLeaf
  | ObjectTypeLeaf
  | PropertiesLeaf
  | RetrieveLeaf
  | PropertyNamedByLeaf
  | AssociationsLeaf
  | TempLeaf
  | AnswerLeaf
  | LimitLeaf;

export type Template =
  | string
  | number
  | boolean
  | Leaf
  | readonly Template[]
  | { readonly [key: string]: Template };

/** A path segment: a literal, or a leaf resolved to one value (object type, input, temp). */
export type PathArg = string | ObjectTypeLeaf | InputLeaf | TempLeaf;

/** A path from `hubspot/paths.ts` (the one place that knows HubSpot's URLs) and its arguments. */
export interface PathSpec {
  // biome-ignore lint/suspicious/noExplicitAny: a builder of `paths` takes ids or names, checked by `path()` below.
  build: (...args: any[]) => string;
  args: readonly PathArg[];
}

/**
 * What the step outputs from the answer:
 * - `record`: the record answered (or `firstResult` of a batch answer, whose `errors` fail the step), shaped as
 *   `recordOutput` shapes it (`id`, times, `archived`, `properties`), with `extra` fields;
 * - `results`: one output per record of `results` (a search), at most `limit`;
 * - `fixed`: the given fields only.
 */
export type OutputSpec =
  | { kind: 'record'; from?: 'body' | 'firstResult'; extra?: Readonly<Record<string, Template>> }
  | { kind: 'results'; limit: LimitLeaf; extra?: Readonly<Record<string, Template>> }
  | { kind: 'fixed'; fields: Readonly<Record<string, Template>> };

/** The next page: `after` from `paging.next.after`, in the body (CRM search) or in the query (lists). */
export type PaginationSpec = { cursor: 'body' } | { cursor: 'query' };

export type HttpMethodSpec = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A polling search: records whose `time` property is past the step's watermark, oldest first, keyed on time and
 * `hs_object_id` so records sharing a time are neither dropped nor repeated, leaving out the last seconds of
 * HubSpot's search-index lag. Each platform keeps the watermark its own way (Zapier: staged state; Make: its trigger
 * directive), so the filters are the platform's; the rest of the body is declared.
 */
export interface PollSpec {
  time: 'createdProperty' | 'lastModifiedProperty';
}

/**
 * The labels of a deal's or ticket's stage and pipeline beside their ids, in each record the request outputs: the
 * output gains `<stage>_label` and `<pipeline>_label` (`dealstage_label`, `pipeline_label`), read from the type's
 * pipelines (`GET /crm/v3/pipelines/{objectType}`, https://developers.hubspot.com/docs/api/crm/pipelines) once a run.
 * An id no pipeline holds (deleted since) is its own label; a record without one gets null. Each platform places the
 * read its own way: Zapier after the records, only when one has a stage (`operations/stageLabels.ts`); Make after a
 * request answering one record, or before a paged one (`make/stageLabelSteps.ts`).
 */
export interface StageLabelsSpec {
  /** The record properties holding the pipeline and stage ids. */
  pipeline: string;
  stage: string;
}

export interface RequestSpec {
  method: HttpMethodSpec;
  path: PathSpec;
  /** Query parameters; an optional input left empty is not sent. */
  query?: Readonly<Record<string, Template>>;
  body?: Template;
  /** CRM search's own rate limit (5 a second per portal). */
  search?: boolean;
  /** Safe to repeat after a lost answer (an upsert matched on a unique property); GET is by default. */
  idempotent?: boolean;
  pagination?: PaginationSpec;
  poll?: PollSpec;
  /** Values kept for the next request of the run, by answer path (`{id: 'id'}`): Make's `temp`. */
  temp?: Readonly<Record<string, string>>;
  /** The step's output: on the last request only. */
  output?: OutputSpec;
  /** The output's records also carry their stage and pipeline labels (with `output`, on a type with pipelines). */
  stageLabels?: StageLabelsSpec;
}

/** Builders, so a declaration reads as what it sends. */
export const input = (key: string, options: Omit<InputLeaf, '$' | 'key'> = {}): InputLeaf => ({
  $: 'input',
  key,
  ...options,
});
export const OBJECT_TYPE: ObjectTypeLeaf = { $: 'objectType' };
export const PROPERTIES: PropertiesLeaf = { $: 'properties' };
export const temp = (key: string): TempLeaf => ({ $: 'temp', key });
export const answer = (path: string, fallback?: string | number | boolean): AnswerLeaf => ({
  $: 'answer',
  path,
  ...(fallback === undefined ? {} : { default: fallback }),
});
export const path = <A extends Id[]>(
  build: (...args: A) => string,
  ...args: { [K in keyof A]: PathArg }
): PathSpec => ({ build: build as PathSpec['build'], args });

export function isLeaf(value: Template): value is Leaf {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$' in value;
}

/**
 * Why an operation runs code besides (or instead of) its declared requests: what the declaration cannot say (polling
 * state, a recovery, a read that depends on the answer). Platforms show nothing of it; tests require a reason.
 */
export interface CodeNote {
  reason: string;
}
