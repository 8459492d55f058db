import { defaultAssociationTypeId } from '../hubspot/associationTypes';
import { SEARCH } from '../hubspot/limits';
import { findStandardObjectType } from '../hubspot/objectTypes';
import { paths } from '../hubspot/paths';
import { DEFAULT_LAG_MARGIN_MS } from '../operations/polling';
import { PROPERTIES_TO_RETRIEVE } from '../operations/retrievedProperties';
import type { OperationDef } from '../operations/types';
import { plural } from '../operations/wording';
import { associationParts, objectFromValue, objectsFromValues } from './imlArrays';
import type { Json, MakeModule } from './model';
import { interfaceFor, LIMIT_PARAM, omitOwn, operationParams, zapierOnlyParams } from './moduleParts';
import { camelCase } from './naming';
import {
  defaultPropertiesIml,
  imlPath,
  isFromInput,
  operationTypeRef,
  scopesFor,
  type TypeRef,
  typeIml,
  typeProperty,
} from './objectRef';

/**
 * How each generic operation factory (`operations/objects/`) is expressed in Make's IML. A recipe recognises an
 * operation by its declarative shape (kind, fields, the endpoint in `calls`), so every contact, company, deal,
 * ticket, engagement or any-object operation built by a factory renders here without per-operation code.
 */

export interface Recipe {
  name: string;
  matches(def: OperationDef): boolean;
  render(
    def: OperationDef,
    type: TypeRef,
  ): Omit<MakeModule, 'name' | 'label' | 'description' | 'group' | 'operationKey' | 'samples' | 'interface'> &
    Partial<Pick<MakeModule, 'interface'>>;
}

const endpoint = (def: OperationDef) => def.calls.endpoints[0] ?? '';
const hasField = (def: OperationDef, key: string) => def.inputFields.some((f) => f.key === key);
const hasOutput = (def: OperationDef, key: string) => def.outputFields.some((f) => f.key === key);

/** A time property of the type as an IML expression (a quoted name, or a `switch` over the chosen type). */
export function timeExpr(type: TypeRef, pick: 'createdProperty' | 'lastModifiedProperty'): string {
  const value = typeProperty(type, pick);
  return value.startsWith('{{') ? value.slice(2, -2) : `'${value}'`;
}

/** A search result's `createdAt`/`updatedAt` mirror the type's created and last-modified properties. */
const recordTime = (pick: 'createdProperty' | 'lastModifiedProperty') =>
  pick === 'createdProperty' ? '{{item.createdAt}}' : '{{item.updatedAt}}';

/**
 * CRM search (`POST …/search`) with every page: the cursor is in the body, and Make's `pagination.body` replaces
 * the body, so the whole body is repeated with `after` (https://developers.make.com/custom-apps-documentation/component-blocks/api/pagination).
 */
export function searchRequest(type: TypeRef, body: Json, response: Json): Json {
  return {
    url: imlPath(paths.objects.search, typeIml(type)),
    method: 'POST',
    body,
    pagination: {
      body: { ...body, after: '{{body.paging.next.after}}' },
      condition: '{{body.paging.next.after}}',
    },
    response,
  };
}

/** Searches page at HubSpot's largest page, so a run costs as few of the 5 searches a second as it can. */
export const PAGE = SEARCH.maxLimit;
/** A watch module's default Limit per run. */
const TRIGGER_LIMIT = 100;

/**
 * Record-id fields of a create (`contact_ids`, `deal_id`) become inline `associations` with HubSpot's default type
 * from `hubspot/associationTypes.ts`, built from the field's values (`make/imlArrays.ts`); one IML expression merging
 * them, or undefined when the operation has none.
 */
function inlineAssociations(def: OperationDef, type: TypeRef): string | undefined {
  if (isFromInput(type)) return undefined;
  const parts = def.inputFields.flatMap((field) => {
    const m = /^([a-z]+)_ids?$/.exec(field.key);
    const target = m ? findStandardObjectType(m[1]!) : undefined;
    const typeId = target ? defaultAssociationTypeId(type, target.name) : undefined;
    if (typeId === undefined) return [];
    const { before, after } = associationParts(typeId);
    const value = `parameters.${field.key}`;
    return [field.list ? objectsFromValues(value, before, after) : objectFromValue(value, before, after)];
  });
  return parts.length ? `{{merge(${parts.join(', ')})}}` : undefined;
}

/**
 * What a create outputs, as on Zapier: the record, and the ids it was associated with in the same call
 * (`associated_ids` by type for lists of ids, the id itself for a single one such as a line item's `deal_id`).
 */
function createdOutput(def: OperationDef, type: TypeRef): Json | string {
  if (isFromInput(type)) return '{{body}}';
  const lists: Json = {};
  const singles: Json = {};
  for (const field of def.inputFields) {
    const m = /^([a-z]+)_(ids?)$/.exec(field.key);
    const target = m ? findStandardObjectType(m[1]!) : undefined;
    if (!target || defaultAssociationTypeId(type, target.name) === undefined) continue;
    if (field.list) lists[target.name] = `{{ifempty(parameters.${field.key}, emptyarray)}}`;
    else singles[field.key] = `{{ifempty(parameters.${field.key}, undefined)}}`;
  }
  if (Object.keys(lists).length === 0 && Object.keys(singles).length === 0) return '{{body}}';
  return {
    ...BODY_RECORD_OUTPUT,
    ...(Object.keys(lists).length ? { associated_ids: lists } : {}),
    ...singles,
  };
}

/**
 * The record's properties: every mapped property field, and an own field standing for a property the operation
 * renders itself (`product_id` → `hs_product_id`, listed in `propertyFields.exclude`). Make documents a `{{...}}`
 * spread only at the top of a body, so the stand-ins join the properties as `{key, value}` items (`toArray`,
 * `merge`, `toCollection`: help.make.com array functions).
 */
function createdProperties(def: OperationDef): string {
  const excluded = new Set(def.propertyFields?.exclude ?? []);
  const standIns = def.inputFields.filter((f) => excluded.has(`hs_${f.key}`));
  if (standIns.length === 0) return omitOwn(def);
  const own = `toArray(${omitOwn(def).slice(2, -2)})`;
  const extra = standIns.map(
    (f) =>
      `if(parameters.${f.key}, toArray(parseJSON('{"hs_${f.key}":' + createJSON(toString(parameters.${f.key})) + '}')), emptyarray)`,
  );
  return `{{toCollection(merge(${[own, ...extra].join(', ')}), 'key', 'value')}}`;
}

/** An action writing records: the operation's fields and property fields, the type's write scope. */
function writeAction(
  def: OperationDef,
  type: TypeRef,
  crud: 'create' | 'update',
  communication: Json,
): ReturnType<Recipe['render']> {
  return {
    moduleType: 'action',
    crud,
    mappableParams: operationParams(def),
    staticParams: [],
    scope: scopesFor(type, 'write'),
    communication,
  };
}

/**
 * A search body's `properties`: the type's common properties and those chosen in "Properties to retrieve" (a
 * multi-select, so an array), as on Zapier, in the module's one request. `extra`: single-value IML, such as the
 * property searched on.
 */
export function properties(type: TypeRef, ...extra: string[]): Json {
  const parts = [
    defaultPropertiesIml(type),
    `ifempty(parameters.${PROPERTIES_TO_RETRIEVE}, emptyarray)`,
    ...extra.map((iml) => `split(${iml.slice(2, -2)}, ',')`),
  ];
  return { properties: `{{deduplicate(merge(${parts.join(', ')}))}}` };
}

/** Only records whose time is at least the lag margin old (see `pollingTrigger`). */
function settled(time: string): Json {
  return {
    propertyName: `{{${time}}}`,
    operator: 'LTE',
    value: `{{formatDate(addSeconds(now, -${DEFAULT_LAG_MARGIN_MS / 1000}), 'x')}}`,
  };
}

/**
 * Polling triggers, keyed on time and id as on Zapier (`operations/polling.ts`). Make keeps the date and id of the
 * last item it emitted (`data.lastDate`, `data.lastID`) and "sorts all items by their date and id fields and returns
 * only unprocessed items" (https://developers.make.com/custom-apps-documentation/app-components/modules/trigger).
 * The search asks for exactly those, oldest first, as two ORed filter groups: a later time, or the last time with a
 * higher `hs_object_id` (https://developers.hubspot.com/docs/api/crm/search), so a run cut by the limit inside a
 * timestamp resumes after the last record it emitted, skipping and repeating none. Without a last id (a start date
 * chosen in the epoch) the second group asks for time -1, which no record has. HubSpot allows one sort rule (time)
 * and documents no order among equal times; the resume relies on ties coming in id order (creation order).
 * HubSpot's search index lags behind writes, so a record can become searchable after a newer one Make has already
 * passed. Reading only records whose time is at least the margin old (as on Zapier) leaves a late-indexed record
 * for the next run, which still finds it after the watermark.
 */
function pollingTrigger(
  type: TypeRef,
  pick: 'createdProperty' | 'lastModifiedProperty',
  output: unknown,
): Json {
  const time = timeExpr(type, pick);
  const body = {
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
    ...properties(type),
    limit: PAGE,
  };
  return searchRequest(type, body, {
    iterate: '{{body.results}}',
    output,
    limit: `{{ifempty(parameters.limit, ${TRIGGER_LIMIT})}}`,
    trigger: { id: '{{item.id}}', date: recordTime(pick), type: 'date', order: 'asc' },
  });
}

/** The epoch lists the latest settled records, newest first, to choose where to start. */
function epoch(type: TypeRef, pick: 'createdProperty' | 'lastModifiedProperty'): Json {
  const time = timeExpr(type, pick);
  const primary = typeProperty(type, 'primaryDisplayProperty');
  const label = primary.startsWith('{{')
    ? `{{ifempty(get(item.properties, ${primary.slice(2, -2)}), item.id)}}`
    : `{{ifempty(item.properties.${primary}, item.id)}}`;
  const body = {
    filterGroups: [{ filters: [settled(time)] }],
    sorts: [{ propertyName: `{{${time}}}`, direction: 'DESCENDING' }],
    ...properties(type),
    limit: PAGE,
  };
  // Its own body and pagination: the trigger's, merged under the epoch, would page with the trigger's filters.
  return searchRequest(type, body, { limit: 300, output: { label, date: recordTime(pick) } });
}

/** A polling trigger module: static parameters only (Make's rule for triggers), an epoch to choose where to start. */
function triggerModule(
  def: OperationDef,
  type: TypeRef,
  pick: 'createdProperty' | 'lastModifiedProperty',
  output: Json,
): ReturnType<Recipe['render']> {
  const communication = pollingTrigger(type, pick, output);
  return {
    moduleType: 'trigger',
    staticParams: [...operationParams(def), { ...LIMIT_PARAM(TRIGGER_LIMIT), required: true }],
    mappableParams: [],
    scope: scopesFor(type, 'read'),
    makeOnlyParams: ['limit'],
    communication,
    epoch: epoch(type, pick),
  };
}

/** A record answered in the body (create, update), shaped as `recordOutput` shapes it on Zapier. */
export const BODY_RECORD_OUTPUT = {
  id: '{{body.id}}',
  createdAt: '{{body.createdAt}}',
  updatedAt: '{{body.updatedAt}}',
  archived: '{{ifempty(body.archived, false)}}',
  properties: '{{body.properties}}',
};

export const RECORD_OUTPUT = {
  id: '{{item.id}}',
  createdAt: '{{item.createdAt}}',
  updatedAt: '{{item.updatedAt}}',
  archived: '{{ifempty(item.archived, false)}}',
  properties: '{{item.properties}}',
};

export const RECIPES: Recipe[] = [
  {
    name: 'createRecord',
    matches: (d) =>
      d.kind === 'create' &&
      d.propertyFields?.purpose === 'create' &&
      /^POST \S*\/objects\/[^/]+$/.test(endpoint(d)),
    render: (d, type) =>
      writeAction(d, type, 'create', {
        url: imlPath(paths.objects.create, typeIml(type)),
        method: 'POST',
        body: {
          properties: createdProperties(d),
          ...(inlineAssociations(d, type) ? { associations: inlineAssociations(d, type) } : {}),
        },
        response: { output: createdOutput(d, type) },
      }),
  },
  {
    name: 'updateRecord',
    matches: (d) => d.kind === 'create' && /^PATCH /.test(endpoint(d)) && hasField(d, 'record_id'),
    render: (d, type) =>
      writeAction(d, type, 'update', {
        url: imlPath(paths.objects.one, typeIml(type), '{{parameters.record_id}}'),
        method: 'PATCH',
        qs: { idProperty: '{{ifempty(parameters.id_property, undefined)}}' },
        body: { properties: omitOwn(d) },
        response: { output: '{{body}}' },
      }),
  },
  {
    name: 'mergeRecords',
    matches: (d) => d.kind === 'create' && / \S*\/merge$/.test(endpoint(d)),
    render: (d, type) =>
      writeAction(d, type, 'update', {
        url: imlPath(paths.objects.merge, typeIml(type)),
        method: 'POST',
        body: { primaryObjectId: '{{parameters.primary_id}}', objectIdToMerge: '{{parameters.merged_id}}' },
        response: { output: '{{body}}' },
      }),
  },
  {
    // A read that finds the record (by id or unique property; a missing one is Make's 404 DataError), then the
    // archive of the id it found. HubSpot answers 204 even for an unknown id, hence the read.
    name: 'archiveRecord',
    matches: (d) =>
      d.kind === 'create' &&
      d.calls.endpoints.some((e) => e.startsWith('DELETE ')) &&
      hasField(d, 'record_id'),
    render: (d, type) => ({
      moduleType: 'action',
      crud: 'delete',
      mappableParams: operationParams(d),
      staticParams: [],
      scope: scopesFor(type, 'write'),
      communication: [
        {
          url: imlPath(paths.objects.one, typeIml(type), '{{parameters.record_id}}'),
          method: 'GET',
          qs: { idProperty: '{{ifempty(parameters.id_property, undefined)}}', properties: 'hs_object_id' },
          response: { temp: { id: '{{body.id}}' } },
        },
        {
          url: imlPath(paths.objects.one, typeIml(type), '{{temp.id}}'),
          method: 'DELETE',
          response: { output: { id: '{{temp.id}}', archived: true, object_type: typeIml(type) } },
        },
      ],
    }),
  },
  {
    // One call, no search first: HubSpot matches on the unique property (safe to retry, no index lag).
    name: 'upsertRecord',
    matches: (d) =>
      d.kind === 'create' &&
      /\/batch\/upsert$/.test(endpoint(d)) &&
      hasField(d, 'id_property') &&
      !!d.propertyFields,
    render: (d, type) =>
      writeAction(d, type, 'update', {
        url: imlPath(paths.objects.batch, typeIml(type), 'upsert'),
        method: 'POST',
        body: {
          inputs: [
            {
              idProperty: '{{parameters.id_property}}',
              id: '{{get(parameters, parameters.id_property)}}',
              properties: omitOwn(d),
            },
          ],
        },
        response: {
          valid: {
            condition: '{{length(ifempty(body.errors, emptyarray)) == 0}}',
            message: '{{body.errors[1].message}}',
            type: 'DataError',
          },
          output: {
            id: '{{body.results[1].id}}',
            createdAt: '{{body.results[1].createdAt}}',
            updatedAt: '{{body.results[1].updatedAt}}',
            archived: '{{ifempty(body.results[1].archived, false)}}',
            properties: '{{body.results[1].properties}}',
            is_new: '{{ifempty(body.results[1].new, false)}}',
          },
        },
      }),
  },
  {
    // CRM search even by id or e-mail, where Zapier reads the record (`GET …/{id}?idProperty=`): HubSpot answers a
    // miss with 404, and Make counts every 4xx as an error with no documented way to make it "no result"
    // (https://developers.make.com/custom-apps-documentation/app-components/base/error-handling).
    name: 'findRecord',
    matches: (d) => d.kind === 'search' && hasField(d, 'search_property') && hasField(d, 'search_value'),
    render: (d, type) => ({
      moduleType: 'search',
      crud: 'read',
      mappableParams: [...operationParams(d), LIMIT_PARAM(10)],
      staticParams: [],
      scope: scopesFor(type, 'read'),
      makeOnlyParams: ['limit'],
      communication: searchRequest(
        type,
        {
          filterGroups: [
            {
              filters: [
                {
                  propertyName: '{{parameters.search_property}}',
                  operator: 'EQ',
                  value: '{{parameters.search_value}}',
                },
              ],
            },
          ],
          sorts: [{ propertyName: `{{${timeExpr(type, 'createdProperty')}}}`, direction: 'DESCENDING' }],
          ...properties(type, '{{parameters.search_property}}'),
          limit: PAGE,
        },
        { iterate: '{{body.results}}', output: '{{item}}', limit: '{{ifempty(parameters.limit, 10)}}' },
      ),
    }),
  },
  {
    name: 'newRecordTrigger',
    matches: (d) =>
      d.kind === 'trigger' &&
      !d.hidden &&
      / \S*\/search$/.test(endpoint(d)) &&
      !hasOutput(d, 'record_id') &&
      !hasField(d, 'property'),
    render: (d, type) => triggerModule(d, type, 'createdProperty', RECORD_OUTPUT),
  },
  {
    // Fires again for each modification (Make dedupes on the date watermark); `id` stays the record id, and the dedupe
    // key joins it with the modification time, as on Zapier.
    name: 'newOrUpdatedRecordTrigger',
    matches: (d) =>
      d.kind === 'trigger' &&
      !d.hidden &&
      / \S*\/search$/.test(endpoint(d)) &&
      hasOutput(d, 'record_id') &&
      !hasField(d, 'property'),
    render: (d, type) =>
      triggerModule(d, type, 'lastModifiedProperty', {
        ...RECORD_OUTPUT,
        record_id: '{{item.id}}',
        dedupe_key: "{{item.id}}-{{formatDate(item.updatedAt, 'x')}}",
      }),
  },
];

export function recipeFor(def: OperationDef): Recipe | undefined {
  return RECIPES.find((r) => r.matches(def));
}

export function moduleFromRecipe(def: OperationDef, recipe: Recipe): MakeModule {
  const type = operationTypeRef(def);
  if (type === undefined)
    throw new Error(`${def.key}: no object type found for the Make recipe ${recipe.name}`);
  const rendered = recipe.render(def, type);
  return {
    name: camelCase(def.key),
    label: def.label,
    description: def.description,
    group: isFromInput(type) ? 'Any object' : plural(def.noun),
    operationKey: def.key,
    samples: def.sample as Json,
    interface: interfaceFor(def.outputFields),
    ...(zapierOnlyParams(def) ? { zapierOnlyParams: zapierOnlyParams(def) } : {}),
    ...rendered,
  };
}
