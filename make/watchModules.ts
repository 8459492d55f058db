import { paths } from '../hubspot/paths';
import { HISTORY_BATCH_SIZE, INTEGRATION_SOURCES } from '../operations/objects/propertyChange';
import { PIPELINE_PROPERTIES } from '../operations/pipelines';
import { DEFAULT_LAG_MARGIN_MS } from '../operations/polling';
import { PROPERTIES_TO_RETRIEVE } from '../operations/retrievedProperties';
import type { OperationDef } from '../operations/types';
import { plural } from '../operations/wording';
import { objectsFromValues } from './imlArrays';
import type { Json, MakeModule } from './model';
import { LIMIT_PARAM, operationParams } from './moduleParts';
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
import { operationModule } from './operationModule';

/**
 * Polling watch modules for property changes (any property, deal stages): several requests a run
 * (https://developers.make.com/custom-apps-documentation/component-blocks/api/multiple-requests), passing values in
 * `temp` (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/temp):
 * 1. CRM search for the records modified since the trigger's last item, keyed on time and id as the other watch
 *    modules are (`data.lastDate`, `data.lastID`), oldest first, in pages of 50;
 * 2. a batch read of those records with `propertiesWithHistory` for the watched property (HubSpot returns history
 *    for at most 50 records a call, `HISTORY_BATCH_SIZE`);
 * 3. a request-less step iterating the records read ("all response-related directives … are available" there:
 *    https://developers.make.com/custom-apps-documentation/component-blocks/api/request-less-communication), whose
 *    `iterate.condition` keeps a record when the watched property's newest history entry is newer than the last item
 *    (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/iterate), each
 *    kept record a trigger item;
 * 4. before it, request-less steps that fail the run when it examined a full Limit of records and none holds a change
 *    (`stallCheck`): Make would otherwise stay at the last bundle and return nothing, run after run.
 * One bundle per record (its current value, when it was set, the value before), where Zapier emits one item per
 * history entry: a Make module iterates one flat container, and a record's history is an array inside the record.
 */

/** Records a search page holds: as many as one history read takes, so each page is read in one call. */
const PAGE = HISTORY_BATCH_SIZE;
/**
 * Search pages a run may read: the Limit (records examined a run) is at most PAGES × PAGE. Four searches stay under
 * CRM search's 5 requests a second (https://developers.hubspot.com/docs/api/crm/search); the default Limit reads two,
 * Zapier's 100 items a poll.
 */
const PAGES = 4;
const MAX_LIMIT = PAGE * PAGES;
const DEFAULT_LIMIT = 100;
const LIMIT = `ifempty(parameters.limit, ${DEFAULT_LIMIT})`;
const MARGIN_S = DEFAULT_LAG_MARGIN_MS / 1000;

/** The type's last-modified property: its name, or a `switch` over the chosen type (`{{...}}`). */
const modified = (type: TypeRef) => typeProperty(type, 'lastModifiedProperty');

/**
 * A search filter an optional parameter adds; unset, it asks for something every record has (its id, with
 * `HAS_PROPERTY`: https://developers.hubspot.com/docs/api/crm/search), since IML cannot leave an item out of a
 * fixed array.
 */
function optionalEq(param: string, property: string): Json {
  return {
    propertyName: `{{if(parameters.${param}, '${property}', 'hs_object_id')}}`,
    operator: `{{if(parameters.${param}, 'EQ', 'HAS_PROPERTY')}}`,
    value: `{{ifempty(parameters.${param}, undefined)}}`,
  };
}

/**
 * Page `n` (1-based) of the records modified after the last item: a later time, or the same time with a higher id,
 * and at most `temp.bound` (the lag margin, as every watch module: a record becomes searchable seconds after its
 * write). `temp.bound` is set once, before the first search, so every step of the run reads the same bound.
 */
function searchPage(type: TypeRef, n: number, extra: Json[]): Json {
  const time = modified(type);
  const settled = { propertyName: time, operator: 'LTE', value: "{{formatDate(temp.bound, 'x')}}" };
  const first = n === 1;
  const taken = (n - 1) * PAGE;
  return {
    ...(first
      ? { temp: { bound: `{{addSeconds(now, -${MARGIN_S})}}` } }
      : { condition: `{{temp.after${n - 1} && ${LIMIT} > ${taken}}}` }),
    url: imlPath(paths.objects.search, typeIml(type)),
    method: 'POST',
    body: {
      filterGroups: [
        {
          filters: [
            {
              propertyName: time,
              operator: 'GT',
              value: "{{if(data.lastDate, formatDate(data.lastDate, 'x'), '0')}}",
            },
            settled,
            ...extra,
          ],
        },
        {
          filters: [
            {
              propertyName: time,
              operator: 'EQ',
              value: "{{if(data.lastID, formatDate(data.lastDate, 'x'), '-1')}}",
            },
            { propertyName: 'hs_object_id', operator: 'GT', value: "{{ifempty(data.lastID, '0')}}" },
            settled,
            ...extra,
          ],
        },
      ],
      sorts: [{ propertyName: time, direction: 'ASCENDING' }],
      properties: ['hs_object_id'],
      limit: `{{if(${LIMIT} - ${taken} > ${PAGE}, ${PAGE}, ${LIMIT} - ${taken})}}`,
      ...(first ? {} : { after: `{{temp.after${n - 1}}}` }),
    },
    response: {
      temp: { [`ids${n}`]: "{{map(body.results, 'id')}}", [`after${n}`]: '{{body.paging.next.after}}' },
    },
  };
}

/** The history read of search page `n`, skipped when that page found nothing. */
function historyRead(type: TypeRef, n: number, property: string, extraProperties: string[]): Json {
  const ids = `ifempty(temp.ids${n}, emptyarray)`;
  const asked = [
    defaultPropertiesIml(type),
    `ifempty(parameters.${PROPERTIES_TO_RETRIEVE}, emptyarray)`,
    `split(${property}, ',')`,
    ...extraProperties.map((p) => `split('${p}', ',')`),
  ];
  return {
    condition: `{{length(${ids}) > 0}}`,
    url: imlPath(paths.objects.batch, typeIml(type), 'read'),
    method: 'POST',
    body: {
      inputs: `{{${objectsFromValues(ids, '{"id":', '}')}}}`,
      properties: `{{deduplicate(merge(${asked.join(', ')}))}}`,
      propertiesWithHistory: `{{split(${property}, ',')}}`,
    },
    response: { temp: { [`records${n}`]: '{{body.results}}' } },
  };
}

/** The records the run read and how many records its searches found (the records examined). */
const pagesOf = (name: string) =>
  Array.from({ length: PAGES }, (_, i) => `ifempty(temp.${name}${i + 1}, emptyarray)`).join(', ');
const GATHER: Json = {
  response: {
    temp: { records: `{{merge(${pagesOf('records')})}}`, examined: `{{length(merge(${pagesOf('ids')}))}}` },
  },
};

/**
 * Make keeps a polling trigger's place only from the bundles it returns (`data.lastDate`, `data.lastID`:
 * https://developers.make.com/custom-apps-documentation/app-components/modules/trigger), and an IML condition cannot
 * return anything else. So when a run examines a full Limit of records modified since the last bundle and none holds a
 * change to return, every later run examines the same records and returns nothing, for ever. These steps make that
 * run fail instead, with a `valid` directive ("module execution stops and Make throws an error" with its message:
 * https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/valid) of type
 * `InvalidConfigurationError`, which stops the scenario until the user changes the module: a larger Limit, a new
 * start, or the instant trigger.
 *
 * Whether any record holds a change, without a per-record loop: `map()` with dot paths and its filter key (help.make.com
 * array functions: "the first item in an array is index 1") gives each record's newest history entry, and a record
 * holds a change when that entry is newer than the last bundle (`historyOf().changed`). The last bundle's own record
 * is set apart: its newest entry at the last bundle's time is the change already returned. Another record's entry at
 * exactly that millisecond counts as a change (it may be one not yet returned, its id above the last), so a run never
 * fails while it has something to return; the one stall left quiet is a record changed in that same millisecond,
 * already returned (its id below the last), then written again. ISO 8601 UTC times of one format sort as texts.
 */
function stallCheck(property: string, moduleLabel: string): Json[] {
  const newest = (field: string) => `'propertiesWithHistory.' + ${property} + '.1.${field}'`;
  const sources = `deduplicate(map(flatten(map(temp.records, 'propertiesWithHistory.' + ${property})), 'sourceType'))`;
  const ignored = [...INTEGRATION_SOURCES].map((s) => `'${s}'`).join(', ');
  const lastId = "toString(ifempty(data.lastID, ''))";
  const last = "formatDate(data.lastDate, 'x')";
  const at = (v: string) => `formatDate(${v}, 'x')`;
  const someChange =
    `(temp.othersNewest && (${at('temp.othersNewest')} > ${last} || ` +
    `(data.lastID && ${at('temp.othersNewest')} == ${last}))) || ` +
    `(temp.lastNewest && ${at('temp.lastNewest')} > ${last})`;
  return [
    {
      response: {
        temp: {
          // Records whose newest entry counts: any with a history, or, integrations ignored, those whose newest entry
          // is not theirs. map()'s filter keeps listed values only, so the list is the source types present, less
          // the integrations'.
          eligible:
            `{{map(temp.records, 'id', ${newest('sourceType')}, join(if(parameters.ignore_integration_changes, ` +
            `remove(${sources}, ${ignored}), ${sources}), ','))}}`,
        },
      },
    },
    {
      response: {
        temp: {
          othersNewest:
            `{{first(sort(map(temp.records, ${newest('timestamp')}, 'id', ` +
            `join(remove(temp.eligible, ${lastId}), ',')), 'desc'))}}`,
          lastNewest: `{{if(contains(temp.eligible, ${lastId}), first(map(temp.records, ${newest('timestamp')}, 'id', ${lastId})), null)}}`,
        },
        valid: {
          condition: `{{temp.examined < ${LIMIT} || if(data.lastDate, ${someChange}, length(temp.eligible) > 0)}}`,
          message:
            `${moduleLabel}: the run examined its full limit of {{${LIMIT}}} records modified since the last bundle, ` +
            `and none of them changed {{${property}}} since, so this module cannot reach later changes (Make resumes ` +
            `only after a returned bundle). Raise "Maximum number of records examined" (at most ${MAX_LIMIT}), or ` +
            'choose where to start again (changes among the records passed over are then not returned), or watch ' +
            'the property with the instant trigger (events relay).',
          type: 'InvalidConfigurationError',
        },
      },
    },
  ];
}

/** IML (no braces) over one record `item` and the watched property's history, newest entry first. */
function historyOf(property: string) {
  const entries = `get(item.propertiesWithHistory, ${property})`;
  const at = `formatDate(${entries}[1].timestamp, 'x')`;
  const last = "formatDate(data.lastDate, 'x')";
  const lastId = 'toString(data.lastID)';
  // Ids are digit strings: a longer one is larger, else they compare as texts.
  const idAfter = `(length(item.id) > length(${lastId}) || (length(item.id) == length(${lastId}) && item.id > ${lastId}))`;
  const fromIntegration = [...INTEGRATION_SOURCES]
    .map((s) => `${entries}[1].sourceType == '${s}'`)
    .join(' || ');
  return {
    entries,
    at,
    /**
     * Newer than the last item: a later time, or its time and a higher id (a record the last run did not reach at
     * that millisecond); the last item itself, met again after a later write, is not.
     */
    changed:
      `length(ifempty(${entries}, emptyarray)) > 0 && (!data.lastDate || ${at} > ${last} || ` +
      `(${at} == ${last} && data.lastID && ${idAfter})) && ` +
      `(!parameters.ignore_integration_changes || !(${fromIntegration}))`,
  };
}

/**
 * The record's search-time order: its modification time, but never past the run's bound. A record written again
 * after the search is dated at the bound, so the next run still reads every record modified after the bound.
 */
const TRIGGER = {
  id: '{{item.id}}',
  date: '{{if(item.updatedAt > temp.bound, temp.bound, item.updatedAt)}}',
  type: 'date',
  order: 'asc',
};

/** "Choose where to start": the latest modified records (a standalone request: it replaces the run's requests). */
function epoch(type: TypeRef, extra: Json[]): Json {
  const time = modified(type);
  const primary = typeProperty(type, 'primaryDisplayProperty');
  const primaryIml = primary.startsWith('{{') ? primary.slice(2, -2) : `'${primary}'`;
  return {
    url: imlPath(paths.objects.search, typeIml(type)),
    method: 'POST',
    body: {
      filterGroups: [
        {
          filters: [
            {
              propertyName: time,
              operator: 'LTE',
              value: `{{formatDate(addSeconds(now, -${MARGIN_S}), 'x')}}`,
            },
            ...extra,
          ],
        },
      ],
      sorts: [{ propertyName: time, direction: 'DESCENDING' }],
      properties: `{{split(${primaryIml}, ',')}}`,
      limit: 100,
    },
    response: {
      iterate: '{{body.results}}',
      limit: 100,
      output: {
        label: `{{ifempty(get(item.properties, ${primaryIml}), item.id)}}`,
        date: '{{item.updatedAt}}',
      },
    },
  };
}

const LIMIT_FIELD: Json = {
  ...LIMIT_PARAM(DEFAULT_LIMIT),
  label: 'Maximum number of records examined',
  help: `Records modified since the last run that one run reads (at most ${MAX_LIMIT}); each with a change of the watched property gives one bundle. A run that reads this many without any change stops with an error: later changes would be out of reach.`,
  required: true,
  validate: { min: 1, max: MAX_LIMIT },
};

function changeModule(
  def: OperationDef,
  property: string,
  extra: Json[],
  extraSteps: Json[],
  output: Json,
  extraProperties: string[] = [],
): MakeModule {
  const type = operationTypeRef(def);
  if (type === undefined) throw new Error(`${def.key}: no object type for the Make watch module`);
  const { changed } = historyOf(property);
  return operationModule(def, isFromInput(type) ? 'Any object' : plural(def.noun), {
    moduleType: 'trigger',
    description: `${def.description} One bundle per record (its current value, when it was set, the value before). A run examines at most "Maximum number of records examined" records modified since the last change returned: when that many are modified without a change of this property, the run stops with an error saying so (Make could not resume past them), and you raise the limit, choose a new start, or use the instant trigger.`,
    staticParams: [...operationParams(def), LIMIT_FIELD],
    mappableParams: [],
    makeOnlyParams: ['limit'],
    scope: scopesFor(type, 'read'),
    communication: [
      ...Array.from({ length: PAGES }, (_, i) => searchPage(type, i + 1, extra)),
      ...Array.from({ length: PAGES }, (_, i) => historyRead(type, i + 1, property, extraProperties)),
      ...extraSteps,
      GATHER,
      ...stallCheck(property, def.label),
      {
        response: {
          iterate: { container: '{{temp.records}}', condition: `{{${changed}}}` },
          output,
          trigger: TRIGGER,
        },
      },
    ],
    epoch: epoch(type, extra),
  });
}

/** Contact Property Changed and Record Property Changed (any object): the chosen property. */
export function propertyChangeModule(def: OperationDef): MakeModule {
  const property = 'parameters.property';
  const { entries, at } = historyOf(property);
  return changeModule(def, property, [], [], {
    id: '{{item.id}}',
    record_id: '{{item.id}}',
    dedupe_key: `{{item.id}}-{{${property}}}-{{${at}}}`,
    property: `{{${property}}}`,
    previous_value: `{{ifempty(${entries}[2].value, null)}}`,
    value: `{{${entries}[1].value}}`,
    changed_at: `{{${entries}[1].timestamp}}`,
    source_type: `{{${entries}[1].sourceType}}`,
    source_id: `{{ifempty(${entries}[1].sourceId, null)}}`,
    properties: '{{item.properties}}',
  });
}

/**
 * Deal and Ticket Stage Changed: the property is the type's stage (`dealstage`, `hs_pipeline_stage`); the pipeline and
 * stage, when chosen, narrow the search itself (a record moved into the stage has it as its current value), so records
 * elsewhere cost no history read. Labels come from
 * one pipelines read, skipped when nothing was found: the stages of the deal's pipeline, looked up with `map()`'s
 * filter (help.make.com array functions), the id where none matches.
 */
export function stageModule(def: OperationDef): MakeModule {
  const objectType = def.objectType;
  const names = typeof objectType === 'string' ? PIPELINE_PROPERTIES[objectType] : undefined;
  if (!names || typeof objectType !== 'string') throw new Error(`${def.key}: not a type with pipelines`);
  const { pipeline: PIPELINE, stage: STAGE } = names;
  const property = `'${STAGE}'`;
  const { entries, at } = historyOf(property);
  const pipeline = `item.properties.${PIPELINE}`;
  const stages = `first(map(ifempty(temp.pipelines, emptyarray), 'stages', 'id', ifempty(${pipeline}, '')))`;
  const label = (stage: string) =>
    `if(${stage}, ifempty(first(map(ifempty(${stages}, emptyarray), 'label', 'id', ${stage})), ${stage}), null)`;
  const pipelinesRead: Json = {
    condition: '{{length(ifempty(temp.ids1, emptyarray)) > 0}}',
    url: paths.pipelines.list(objectType),
    response: { temp: { pipelines: '{{body.results}}' } },
  };
  return changeModule(
    def,
    property,
    [optionalEq(PIPELINE, PIPELINE), optionalEq(STAGE, STAGE)],
    [pipelinesRead],
    {
      id: '{{item.id}}',
      record_id: '{{item.id}}',
      dedupe_key: `{{item.id}}-${STAGE}-{{${at}}}`,
      previous_stage: `{{ifempty(${entries}[2].value, null)}}`,
      previous_stage_label: `{{${label(`${entries}[2].value`)}}}`,
      stage: `{{${entries}[1].value}}`,
      stage_label: `{{${label(`${entries}[1].value`)}}}`,
      pipeline: `{{${pipeline}}}`,
      pipeline_label: `{{first(map(ifempty(temp.pipelines, emptyarray), 'label', 'id', ifempty(${pipeline}, '')))}}`,
      changed_at: `{{${entries}[1].timestamp}}`,
      source_type: `{{${entries}[1].sourceType}}`,
      source_id: `{{ifempty(${entries}[1].sourceId, null)}}`,
      properties: '{{item.properties}}',
    },
    [PIPELINE],
  );
}
