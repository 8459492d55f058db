import { defaultAssociationTypeId } from '../hubspot/associationTypes';
import { DEFAULT_LAG_MARGIN_MS } from '../operations/polling';
import {
  isLeaf,
  type Leaf,
  type OutputSpec,
  type PathArg,
  type PollSpec,
  type RequestSpec,
  type Template,
} from '../operations/request';
import { PROPERTIES_TO_RETRIEVE } from '../operations/retrievedProperties';
import type { OperationDef } from '../operations/types';
import { associationParts, chosenAssociationAfter, objectFromValue, objectsFromValues } from './imlArrays';
import type { Json } from './model';
import { omitOwn } from './moduleParts';
import { defaultPropertiesIml, imlPath, isFromInput, type TypeRef, typeIml, typeProperty } from './objectRef';
import { carriesStage, labelOutputs, pipelinesRead } from './stageLabelSteps';

/**
 * The one renderer of declared requests (`operations/request.ts`) into Make's IML `communication`: url, method, qs,
 * body, pagination, and the response's output, iterate, limit, temp and trigger. Only IML Make documents, which the
 * strict runner (`make/iml/`) accepts: https://developers.make.com/custom-apps-documentation/component-blocks/api
 */

interface Scope {
  def: OperationDef;
  type: TypeRef;
  /** Where an output's record is: `body`, `body.results[1]` (a batch), `item` (one of `iterate`). */
  record: string;
}

const unbrace = (iml: string) => (iml.startsWith('{{') && iml.endsWith('}}') ? iml.slice(2, -2) : `'${iml}'`);

/** "Properties to retrieve" and the common properties of the type, as an IML array expression (no braces). */
function retrieveIml(scope: Scope, alsoInput?: string): string {
  const parts = [
    defaultPropertiesIml(scope.type),
    `ifempty(parameters.${PROPERTIES_TO_RETRIEVE}, emptyarray)`,
    ...(alsoInput ? [`split(parameters.${alsoInput}, ',')`] : []),
  ];
  return `deduplicate(merge(${parts.join(', ')}))`;
}

/**
 * The record's properties: every mapped property field, and own fields standing for a property (`product_id` →
 * `hs_product_id`) when given. Make documents a `{{...}}` spread only at the top of a body, so the stand-ins join the
 * properties as `{key, value}` items (`toArray`, `merge`, `toCollection`: help.make.com array functions).
 */
function propertiesIml(scope: Scope, leaf: Extract<Leaf, { $: 'properties' }>): string {
  const own = omitOwn(scope.def);
  const standIns = Object.entries(leaf.with ?? {});
  if (standIns.length === 0) return own;
  const extra = standIns.map(
    ([name, from]) =>
      `if(parameters.${from.key}, toArray(parseJSON('{"${name}":' + createJSON(toString(parameters.${from.key})) + '}')), emptyarray)`,
  );
  return `{{toCollection(merge(${[`toArray(${own.slice(2, -2)})`, ...extra].join(', ')}), 'key', 'value')}}`;
}

/**
 * Inline associations from record-id fields with HubSpot's default type (`hubspot/associationTypes.ts`), built from
 * the fields' values (`make/imlArrays.ts`). A chosen type has no fixed default type ids, so it cannot be rendered.
 */
function associationsIml(scope: Scope, leaf: Extract<Leaf, { $: 'associations' }>): string {
  if (isFromInput(scope.type))
    throw new Error(`${scope.def.key}: inline associations need a fixed object type on Make.`);
  const parts = leaf.targets.map(({ input, toType, list, label, associationTypeId }) => {
    const typeId = associationTypeId ?? defaultAssociationTypeId(scope.type as string, toType);
    if (typeId === undefined) throw new Error(`${scope.def.key}: no default association to ${toType}.`);
    const { before, after: fixed } = associationParts(typeId);
    const after = label ? chosenAssociationAfter(`parameters.${label}`, typeId) : fixed;
    const value = `parameters.${input}`;
    return list ? objectsFromValues(value, before, after) : objectFromValue(value, before, after);
  });
  return `{{merge(${parts.join(', ')})}}`;
}

function leafIml(leaf: Leaf, scope: Scope): unknown {
  switch (leaf.$) {
    case 'input': {
      if (leaf.list) return `{{ifempty(parameters.${leaf.key}, emptyarray)}}`;
      // JSON text is parsed; an empty optional field is left out.
      if (leaf.json)
        return leaf.optional
          ? `{{if(parameters.${leaf.key}, parseJSON(parameters.${leaf.key}), undefined)}}`
          : `{{parseJSON(parameters.${leaf.key})}}`;
      if (leaf.joined)
        return `{{ifempty(join(ifempty(parameters.${leaf.key}, emptyarray), ','), undefined)}}`;
      if (leaf.otherwise !== undefined) {
        const fallback =
          typeof leaf.otherwise === 'object'
            ? unbrace(typeProperty(scope.type, leaf.otherwise.pick))
            : `'${leaf.otherwise}'`;
        return `{{ifempty(parameters.${leaf.key}, ${fallback})}}`;
      }
      return leaf.optional ? `{{ifempty(parameters.${leaf.key}, undefined)}}` : `{{parameters.${leaf.key}}}`;
    }
    case 'filterGroups':
      return `{{parameters.${leaf.key}}}`;
    case 'objectType':
      return typeIml(scope.type);
    case 'typeProperty':
      return typeProperty(scope.type, leaf.pick);
    case 'properties':
      return propertiesIml(scope, leaf);
    case 'retrieve':
      return `{{${retrieveIml(scope, leaf.alsoInput)}}}`;
    case 'propertyNamedBy':
      return `{{get(parameters, parameters.${leaf.key})}}`;
    case 'associations':
      return associationsIml(scope, leaf);
    case 'temp':
      return `{{temp.${leaf.key}}}`;
    case 'answer': {
      const value = `${scope.record}.${leaf.path}`;
      if (leaf.default === undefined) return `{{${value}}}`;
      const fallback = typeof leaf.default === 'string' ? `'${leaf.default}'` : String(leaf.default);
      return `{{ifempty(${value}, ${fallback})}}`;
    }
    case 'changeKey':
      return `{{${scope.record}.id}}-{{formatDate(${scope.record}.updatedAt, 'x')}}`;
    case 'limit': {
      const wanted = `ifempty(parameters.limit, ${leaf.default})`;
      return `{{if(${wanted} > ${leaf.max}, ${leaf.max}, ${wanted})}}`;
    }
  }
}

/** A template as IML: leaves become expressions, literals stay. */
export function templateIml(template: Template, scope: Scope): unknown {
  if (isLeaf(template)) return leafIml(template, scope);
  if (Array.isArray(template)) return template.map((t) => templateIml(t, scope));
  if (typeof template === 'object')
    return Object.fromEntries(
      Object.entries(template as Record<string, Template>).map(([k, t]) => [k, templateIml(t, scope)]),
    );
  return template;
}

function pathIml(arg: PathArg, scope: Scope): string {
  if (typeof arg === 'string') return arg;
  const value = leafIml(arg, scope);
  if (typeof value !== 'string') throw new Error(`${scope.def.key}: a path segment must be one value.`);
  return value;
}

/** A record as `recordOutput` shapes it on Zapier, read at `record`. */
function recordIml(record: string): Json {
  return {
    id: `{{${record}.id}}`,
    createdAt: `{{${record}.createdAt}}`,
    updatedAt: `{{${record}.updatedAt}}`,
    archived: `{{ifempty(${record}.archived, false)}}`,
    properties: `{{${record}.properties}}`,
  };
}

/** A batch answer's item errors stop the module with a DataError carrying HubSpot's message. */
const BATCH_VALID = {
  condition: '{{length(ifempty(body.errors, emptyarray)) == 0}}',
  message: '{{body.errors[1].message}}',
  type: 'DataError',
};

function responseIml(output: OutputSpec, scope: Scope): Json {
  if (output.kind === 'fixed') return { output: templateIml(output.fields, { ...scope, record: 'body' }) };
  if (output.kind === 'results')
    return {
      iterate: '{{body.results}}',
      output: {
        ...recordIml('item'),
        ...(output.extra ? (templateIml(output.extra, { ...scope, record: 'item' }) as Json) : {}),
      },
      limit: `{{ifempty(parameters.limit, ${output.limit.default})}}`,
    };
  const record = output.from === 'firstResult' ? 'body.results[1]' : 'body';
  const extra = output.extra ? (templateIml(output.extra, { ...scope, record }) as Json) : {};
  return {
    ...(output.from === 'firstResult' ? { valid: BATCH_VALID } : {}),
    output: { ...recordIml(record), ...extra },
  };
}

/** Only records whose time is at least the lag margin old, as on Zapier (`operations/polling.ts`). */
function settled(time: string): Json {
  return {
    propertyName: `{{${time}}}`,
    operator: 'LTE',
    value: `{{formatDate(addSeconds(now, -${DEFAULT_LAG_MARGIN_MS / 1000}), 'x')}}`,
  };
}

/**
 * A poll's filters, keyed on time and id as on Zapier. Make keeps the date and id of the last item it emitted
 * (`data.lastDate`, `data.lastID`) and "sorts all items by their date and id fields and returns only unprocessed
 * items" (https://developers.make.com/custom-apps-documentation/app-components/modules/trigger). The search asks for
 * exactly those, oldest first, as two ORed filter groups: a later time, or the last time with a higher
 * `hs_object_id` (https://developers.hubspot.com/docs/api/crm/search), so a run cut by the limit inside a timestamp
 * resumes after the last record it emitted. Without a last id (a start date chosen in the epoch) the second group
 * asks for time -1, which no record has. HubSpot's search index lags behind writes: reading only records at least
 * the margin old leaves a late-indexed record for the next run, which still finds it after the watermark.
 */
function pollBody(poll: PollSpec, scope: Scope): Json {
  const time = unbrace(typeProperty(scope.type, poll.time));
  return {
    filterGroups: [
      {
        filters: [
          {
            propertyName: `{{${time}}}`,
            operator: 'GT',
            value: "{{if(data.lastDate, formatDate(data.lastDate, 'x'), '0')}}",
          },
          settled(time),
        ],
      },
      {
        filters: [
          {
            propertyName: `{{${time}}}`,
            operator: 'EQ',
            value: "{{if(data.lastID, formatDate(data.lastDate, 'x'), '-1')}}",
          },
          { propertyName: 'hs_object_id', operator: 'GT', value: "{{ifempty(data.lastID, '0')}}" },
          settled(time),
        ],
      },
    ],
    sorts: [{ propertyName: `{{${time}}}`, direction: 'ASCENDING' }],
  };
}

/** A search result's `createdAt`/`updatedAt` mirror the type's created and last-modified properties. */
export const pollDate = (poll: PollSpec) =>
  poll.time === 'createdProperty' ? '{{item.createdAt}}' : '{{item.updatedAt}}';

/** The request's body as IML; a poll's filters come first. */
function bodyIml(spec: RequestSpec, scope: Scope): unknown {
  const body = spec.body === undefined ? undefined : templateIml(spec.body, scope);
  return spec.poll ? { ...pollBody(spec.poll, scope), ...(body as Json) } : body;
}

/**
 * The next page: Make's `pagination.body` replaces the body, so the whole body is repeated with `after`; `qs` merges
 * (https://developers.make.com/custom-apps-documentation/component-blocks/api/pagination).
 */
function paginationIml(spec: RequestSpec, body: unknown): Json | undefined {
  if (!spec.pagination) return undefined;
  const after = '{{body.paging.next.after}}';
  return spec.pagination.cursor === 'body'
    ? { body: { ...(body as Json), after }, condition: after }
    : { qs: { after }, condition: after };
}

/** One declared request as a Make request; `response` is left to the module for a poll (its trigger directive). */
export function renderRequest(spec: RequestSpec, def: OperationDef, type: TypeRef): Json {
  const scope: Scope = { def, type, record: 'body' };
  const args = spec.path.args.map((arg) => pathIml(arg, scope));
  const body = bodyIml(spec, scope);
  const pagination = paginationIml(spec, body);
  const response: Json = {
    ...(spec.temp
      ? {
          temp: Object.fromEntries(Object.entries(spec.temp).map(([k, from]) => [k, `{{body.${from}}}`])),
        }
      : {}),
    ...(spec.output ? responseIml(spec.output, scope) : {}),
  };
  const query = spec.query
    ? Object.fromEntries(
        Object.entries(spec.query).map(([k, t]) => {
          // A query value is text: an array (properties to retrieve) is sent comma-separated.
          if (isLeaf(t) && t.$ === 'retrieve')
            return [k, `{{join(${retrieveIml(scope, t.alsoInput)}, ',')}}`];
          return [k, templateIml(t, scope)];
        }),
      )
    : undefined;
  return {
    url: imlPath(spec.path.build, ...args),
    method: spec.method,
    ...(query ? { qs: query } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(pagination ? { pagination } : {}),
    ...(Object.keys(response).length ? { response } : {}),
  };
}

/**
 * A poll's epoch: the latest settled records, newest first, to choose where to start. Its own body and paging: the
 * trigger's, merged under the epoch, would page with the trigger's filters.
 */
export function renderEpoch(spec: RequestSpec, def: OperationDef, type: TypeRef): Json {
  const poll = spec.poll!;
  const scope: Scope = { def, type, record: 'item' };
  const time = unbrace(typeProperty(type, poll.time));
  const primary = typeProperty(type, 'primaryDisplayProperty');
  const label = primary.startsWith('{{')
    ? `{{ifempty(get(item.properties, ${primary.slice(2, -2)}), item.id)}}`
    : `{{ifempty(item.properties.${primary}, item.id)}}`;
  const body = {
    filterGroups: [{ filters: [settled(time)] }],
    sorts: [{ propertyName: `{{${time}}}`, direction: 'DESCENDING' }],
    ...((spec.body === undefined ? {} : templateIml(spec.body, scope)) as Json),
  };
  return {
    url: imlPath(spec.path.build, ...spec.path.args.map((arg) => pathIml(arg, scope))),
    method: spec.method,
    body,
    pagination: paginationIml(spec, body),
    response: { limit: 300, output: { label, date: pollDate(poll) } },
  };
}

/**
 * A rendered request `step` (its trigger directive included) with its stage labels (`spec.stageLabels`), as the
 * steps `make/stageLabelSteps.ts` describes: a paged or iterated request after a pipelines read, its items' output
 * labelled from `temp`; a request answering one record kept in `temp`, a pipelines read when it has a stage, and a
 * request-less step outputting it labelled. Without labels, the step alone.
 */
export function withStageLabelSteps(spec: RequestSpec, def: OperationDef, type: TypeRef, step: Json): Json[] {
  const names = spec.stageLabels;
  if (!names) return [step];
  if (typeof type !== 'string') throw new Error(`${def.key}: stage labels need a fixed object type.`);
  const { output, ...kept } = (step.response as Json | undefined) ?? {};
  if (!spec.output || output === undefined) throw new Error(`${def.key}: stage labels need an output.`);
  if (kept.iterate !== undefined) {
    const labelled = { ...(output as Json), ...labelOutputs(names, 'item', true) };
    return [pipelinesRead(type), { ...step, response: { ...kept, output: labelled } }];
  }
  if (spec.output.kind !== 'record') throw new Error(`${def.key}: stage labels need records in the output.`);
  const record = 'temp.record';
  const at = spec.output.from === 'firstResult' ? 'body.results[1]' : 'body';
  const scope: Scope = { def, type, record };
  const extra = spec.output.extra ? (templateIml(spec.output.extra, scope) as Json) : {};
  return [
    { ...step, response: { ...kept, temp: { ...(kept.temp as Json | undefined), record: `{{${at}}}` } } },
    pipelinesRead(type, carriesStage(names, record)),
    { response: { output: { ...recordIml(record), ...extra, ...labelOutputs(names, record, false) } } },
  ];
}

/** Every declared request of an operation, in order: a Make `communication` (one request, or an array). */
export function renderRequests(def: OperationDef, type: TypeRef): Json | Json[] {
  const specs = def.requests ?? [];
  if (specs.length === 0) throw new Error(`${def.key}: no declared requests to render.`);
  const steps = specs.flatMap((spec) => withStageLabelSteps(spec, def, type, renderRequest(spec, def, type)));
  return steps.length === 1 ? steps[0]! : steps;
}
