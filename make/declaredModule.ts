import { isLeaf, type RequestSpec, type Template } from '../operations/request';
import type { OperationDef } from '../operations/types';
import { plural } from '../operations/wording';
import { filterGroupGuards, withFilterGroupParams } from './filterGroups';
import type { Json, MakeModule } from './model';
import { LIMIT_PARAM, operationParams } from './moduleParts';
import { isFromInput, operationTypeRef, scopesFor, type TypeRef } from './objectRef';
import { operationModule } from './operationModule';
import type { PathCheck, PathParams } from './pathGuards';
import { pollDate, renderEpoch, renderRequest, renderRequests, withStageLabelSteps } from './renderRequest';

/**
 * A Make module rendered from an operation's declared requests (`operations/request.ts`): the module type from the
 * operation's kind, the communication from `renderRequests`, and for a polling search the trigger directive and the
 * epoch. No per-operation code: what the declaration says is what Make sends.
 */

const hasLeaf = (template: Template | undefined, kind: string): boolean => {
  if (template === undefined || typeof template !== 'object') return false;
  if (isLeaf(template)) return template.$ === kind;
  return Object.values(template as Record<string, Template>).some((t) => hasLeaf(t, kind));
};

/**
 * What an action does to data, for Make's `crud`: a DELETE archives; a POST writing the step's properties without
 * matching an existing record creates; anything else (PATCH, an upsert matched on a property, a merge) updates.
 */
function crudOf(specs: readonly RequestSpec[]): NonNullable<MakeModule['crud']> {
  if (specs.some((s) => s.method === 'DELETE')) return 'delete';
  const write = specs[specs.length - 1]!;
  const creates =
    write.method === 'POST' && hasLeaf(write.body, 'properties') && !hasLeaf(write.body, 'propertyNamedBy');
  return creates ? 'create' : 'update';
}

function triggerModule(def: OperationDef, type: TypeRef, spec: RequestSpec): Partial<MakeModule> {
  const rendered = renderRequest(spec, def, type);
  const response = rendered.response as Json;
  // A watch module's default Limit per run: the poll's own limit (100 on Zapier too).
  const limit = spec.output?.kind === 'results' ? spec.output.limit.default : 100;
  const trigger = { id: '{{item.id}}', date: pollDate(spec.poll!), type: 'date', order: 'asc' };
  const labelled = withStageLabelSteps(spec, def, type, { ...rendered, response: { ...response, trigger } });
  const epoch = renderEpoch(spec, def, type);
  return {
    moduleType: 'trigger',
    staticParams: [...operationParams(def), { ...LIMIT_PARAM(limit), required: true }],
    mappableParams: [],
    scope: scopesFor(type, 'read'),
    makeOnlyParams: ['limit'],
    communication: labelled.length === 1 ? labelled[0]! : labelled,
    epoch: labelled.length === 1 ? epoch : standalone(epoch),
  };
}

/**
 * The epoch of a watch module of several requests (its stage labels' pipelines read first), whole in itself: Make
 * merges the epoch's overrides onto the trigger's communication
 * (https://developers.make.com/custom-apps-documentation/component-blocks/epoch), which says nothing of an array of
 * requests, so the epoch is one complete request, iterating the search results itself (as the property watch
 * modules' epochs, make/watchModules.ts).
 */
const standalone = (epoch: Json): Json => ({
  ...epoch,
  response: { iterate: '{{body.results}}', ...(epoch.response as Json) },
});

/**
 * The parameters the declared requests place in a path, in order, with their check: a chosen object type is one
 * segment; an input is a record id, a record id or unique value ("Find by"), or one segment.
 */
export function declaredPathParams(def: OperationDef): PathParams {
  const type = operationTypeRef(def);
  const params: Record<string, PathCheck> = {};
  for (const arg of (def.requests ?? []).flatMap((r) => r.path.args)) {
    if (typeof arg === 'string' || arg.$ === 'temp') continue;
    if (arg.$ === 'objectType') {
      if (type !== undefined && isFromInput(type)) params[type.fromInput] = 'segment';
      continue;
    }
    params[arg.key] = arg.recordId ? 'recordId' : arg.uniqueBy ? { uniqueBy: arg.uniqueBy } : 'segment';
  }
  return params;
}

export function declaredModule(def: OperationDef): MakeModule {
  const type = operationTypeRef(def);
  if (type === undefined) throw new Error(`${def.key}: no object type found for its Make module`);
  const specs = def.requests ?? [];
  const group = isFromInput(type) ? 'Any object' : plural(def.noun);
  const poll = specs.find((s) => s.poll);
  if (poll) return operationModule(def, group, triggerModule(def, type, poll) as MakeModule);
  if (def.kind === 'search') {
    const last = specs[specs.length - 1]?.output;
    // Make's own Limit, for a search of many results whose operation has no limit field of its own (a read of one
    // record has none).
    const ownLimit = last?.kind === 'results' && !def.inputFields.some((f) => f.key === 'limit');
    const fallback = last?.kind === 'results' ? last.limit.default : 10;
    const params = withFilterGroupParams(def, operationParams(def));
    const guards = filterGroupGuards(def);
    const communication = renderRequests(def, type);
    return operationModule(def, group, {
      moduleType: 'search',
      crud: 'read',
      mappableParams: [...params, ...(ownLimit ? [LIMIT_PARAM(fallback)] : [])],
      scope: scopesFor(type, 'read'),
      ...(ownLimit ? { makeOnlyParams: ['limit'] } : {}),
      communication: guards.length
        ? [...guards, ...(Array.isArray(communication) ? communication : [communication])]
        : communication,
    });
  }
  return operationModule(def, group, {
    moduleType: 'action',
    crud: crudOf(specs),
    scope: scopesFor(type, 'write'),
    communication: renderRequests(def, type),
  });
}
