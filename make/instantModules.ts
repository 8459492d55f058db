import { paths } from '../hubspot/paths';
import type { InstantTriggerDef } from '../operations/instant/types';
import { PROPERTIES_TO_RETRIEVE } from '../operations/retrievedProperties';
import { plural } from '../operations/wording';
import { toMakeParam } from './fields';
import type { Json, MakeModule } from './model';
import { camelCase } from './naming';
import { defaultPropertiesIml, imlPath, isFromInput, scopesFor } from './objectRef';
import { labelledInterface, type OutputPropertiesSource } from './outputPropertiesRpc';
import { rpcName } from './rpcs';
import { webhookName } from './webhooks';

/**
 * An instant trigger module per relay webhook (`make/webhooks.ts`): one bundle per event, as the webhook's `iterate`
 * makes them. Make lets an instant trigger make one request per bundle, with no `iterate` or pagination
 * (https://developers.make.com/custom-apps-documentation/app-components/modules/instant-trigger), so the record is
 * read per event: `batch/read` with the one id, which answers 200 or 207 with no result for a deleted record (a
 * single GET would answer 404 and fail the bundle) and takes the same `properties` as on Zapier. Zapier reads a whole
 * delivery in one call; the difference is listed in the parity suite. Deletions are not read: no communication.
 */

/** The properties asked for: the type's common ones and those chosen, the type being the one the relay names. */
function propertiesIml(def: InstantTriggerDef): string {
  const ref = def.objectType;
  // A chosen type is on the webhook, not the module: the delivery names it (`object_type` of each bundle).
  const defaults = isFromInput(ref)
    ? defaultPropertiesIml(ref).replaceAll(`parameters.${ref.fromInput}`, 'payload.object_type')
    : defaultPropertiesIml(ref);
  return `{{deduplicate(merge(${defaults}, ifempty(parameters.${PROPERTIES_TO_RETRIEVE}, emptyarray)))}}`;
}

function readRecord(def: InstantTriggerDef): Json {
  return {
    url: imlPath(paths.objects.batch, '{{payload.object_type}}', 'read'),
    method: 'POST',
    body: { inputs: [{ id: '{{payload.record_id}}' }], properties: propertiesIml(def) },
    response: {
      output: {
        '{{...}}': "{{omit(payload, 'object_type')}}",
        record_found: '{{length(body.results) > 0}}',
        createdAt: "{{get(body, 'results.1.createdAt')}}",
        updatedAt: "{{get(body, 'results.1.updatedAt')}}",
        archived: "{{get(body, 'results.1.archived')}}",
        properties: "{{get(body, 'results.1.properties')}}",
      },
    },
  };
}

/**
 * The record properties are labelled from the portal when the module reads a record of a fixed type. A chosen type is
 * on the webhook, which the module's RPCs cannot read (the docs give them the module's parameters), so those keep
 * the static labels of the type's common properties; a deletion reads nothing.
 */
export function instantOutputProperties(def: InstantTriggerDef): OutputPropertiesSource | undefined {
  const read = def.event !== 'deletion';
  return read && !isFromInput(def.objectType) ? { objectType: def.objectType, mode: 'read' } : undefined;
}

export function instantTriggerModule(def: InstantTriggerDef): MakeModule {
  const read = def.event !== 'deletion';
  const retrieve = def.inputFields.find((f) => f.key === PROPERTIES_TO_RETRIEVE);
  // A fixed type's properties fill a dropdown; a chosen type is on the webhook, which a module's RPC cannot read.
  const staticParams =
    retrieve && read
      ? [
          isFromInput(def.objectType)
            ? toMakeParam({ ...retrieve, dropdown: undefined }, { rpcFor: () => '' })
            : toMakeParam(retrieve, { rpcFor: (f) => rpcName(f.dropdown!) }),
        ]
      : [];
  return {
    name: camelCase(`watch_${def.key}`),
    label: def.label.replace(' (Instant)', ''),
    description: def.description,
    moduleType: 'instant_trigger',
    webhook: webhookName(def),
    communication: read ? readRecord(def) : {},
    staticParams,
    mappableParams: [],
    interface: labelledInterface(def.outputFields, instantOutputProperties(def)),
    samples: def.sample,
    scope: read ? scopesFor(def.objectType, 'read') : [],
    group: isFromInput(def.objectType) ? 'Any object' : plural(def.noun),
    // The Zapier hook trigger of the same definition, for the parity suite.
    operationKey: def.key,
  };
}
