import type { InstantTriggerDef } from '../operations/instant/types';
import { PROPERTIES_TO_RETRIEVE } from '../operations/retrievedProperties';
import type { DropdownSource } from '../operations/types';
import { SUBSCRIPTIONS_PATH } from '../relay/contract';
import { toMakeParam } from './fields';
import type { Json, MakeWebhook } from './model';
import { camelCase } from './naming';
import { isFromInput } from './objectRef';
import { rpcName } from './rpcs';

/**
 * One dedicated, attached webhook per instant trigger (type `web`: one URL per scenario, which Make registers with
 * `attach` when the scenario is activated and removes with `detach`;
 * https://developers.make.com/custom-apps-documentation/app-components/webhooks/dedicated/attached). The webhook
 * holds the subscription's parameters (object type, property, stage), since Make gives an instant trigger module
 * nothing to attach with (https://developers.make.com/custom-apps-documentation/app-components/modules/instant-trigger).
 *
 * The relay's address is the app's common data (`{{common.relayUrl}}`): set by the publisher, the same for every
 * user, never shown to them (https://developers.make.com/custom-apps-documentation/app-components/base/common-data);
 * `make/deploy.ts` fills it from `RELAY_URL`, as `zapier-platform env:set` does on Zapier.
 *
 * Deliveries are not signature-checked on Make: the HMAC covers the raw body, and a webhook's IML sees the body only
 * parsed (`body`); re-serializing it is not documented to give the same bytes. The hook URL, a long random token Make
 * mints per webhook, is what authenticates a delivery (docs/make.md, "Instant triggers").
 */

export const RELAY_COMMON_KEY = 'relayUrl';

export const webhookName = (def: InstantTriggerDef) => camelCase(def.key);

/** The trigger's fields that define the subscription (all but "Properties to retrieve", a module parameter). */
export function webhookFields(def: InstantTriggerDef) {
  return def.inputFields.filter((f) => f.key !== PROPERTIES_TO_RETRIEVE);
}

function subscriptionBody(def: InstantTriggerDef): Json {
  // The subscription as the relay contract asks for it, with the trigger's fixed parts written in and the chosen
  // ones (object type, property) taken from the webhook's parameters. A stage filter is applied to the events
  // instead (`iterate.condition` below): IML documents no way to leave `values` out when no stage is chosen.
  const keys = new Set(webhookFields(def).map((f) => f.key));
  const sample = def.subscription(
    Object.fromEntries([...keys].map((k) => [k, `{{parameters.${k}}}`])) as Record<string, unknown>,
  );
  return {
    targetUrl: '{{webhook.url}}',
    // A list membership names its list; the relay reads the list's object type.
    ...(sample.objectType ? { objectType: sample.objectType } : {}),
    event: sample.event,
    ...(sample.property ? { property: sample.property } : {}),
    ...(sample.listId ? { listId: sample.listId } : {}),
  };
}

/** Only moves into the chosen stage, when one is chosen (the relay's `values` filter, applied here). */
function eventFilter(def: InstantTriggerDef): string | undefined {
  // Removals from the list only when asked for (the relay delivers both directions of one list).
  if (def.event === 'listMembership') return '{{parameters.include_removals || !item.list.removed}}';
  const stage = webhookFields(def).find((f) => f.dropdown?.kind === 'stages');
  return stage ? `{{!parameters.${stage.key} || item.propertyValue == parameters.${stage.key}}}` : undefined;
}

/** One delivery → one bundle per event, in the shape Zapier's items have (`operations/instant/items.ts`). */
function eventOutput(def: InstantTriggerDef): Json {
  const merge = def.event === 'merge';
  return {
    id: '{{item.eventId}}',
    record_id: merge ? '{{ifempty(item.primaryObjectId, item.objectId)}}' : '{{item.objectId}}',
    event_id: '{{item.eventId}}',
    event: '{{item.event}}',
    occurred_at: "{{parseDate(item.occurredAt, 'x')}}",
    // The object type as the relay names it, for the module's batch read path (which leaves it out of the output).
    // A deletion is not read: its bundle is the module's output as it is.
    ...(def.event === 'deletion' ? { record_found: false } : { object_type: '{{body.objectType}}' }),
    ...(def.event === 'propertyChange'
      ? {
          property_name: '{{item.propertyName}}',
          property_value: '{{item.propertyValue}}',
          change_source: '{{item.changeSource}}',
        }
      : {}),
    ...(merge
      ? {
          primary_record_id: '{{ifempty(item.primaryObjectId, item.objectId)}}',
          merged_record_ids: "{{join(ifempty(item.mergedObjectIds, emptyarray), ',')}}",
        }
      : {}),
    ...(def.event === 'associationChange'
      ? {
          association_object_type_id: '{{item.association.toObjectTypeId}}',
          association_record_id: '{{item.association.toObjectId}}',
          association_type_id: '{{item.association.associationTypeId}}',
          association_category: '{{item.association.associationCategory}}',
          association_removed: '{{item.association.removed}}',
        }
      : {}),
    ...(def.event === 'listMembership'
      ? { list_id: '{{item.list.listId}}', membership_removed: '{{item.list.removed}}' }
      : {}),
  };
}

export function relayWebhook(def: InstantTriggerDef): MakeWebhook {
  const relay = `{{common.${RELAY_COMMON_KEY}}}${SUBSCRIPTIONS_PATH}`;
  // The relay reads the portal from the user's HubSpot token, and deletes only for a token of the same portal.
  const auth = { Authorization: 'Bearer {{connection.accessToken}}' };
  const filter = eventFilter(def);
  return {
    name: webhookName(def),
    label: def.label,
    type: 'web',
    communication: {
      iterate: filter ? { container: '{{body.events}}', condition: filter } : '{{body.events}}',
      output: eventOutput(def),
    },
    params: webhookFields(def).map((field) =>
      toMakeParam({ ...field, altersDynamicFields: false }, { rpcFor: (f) => rpcName(f.dropdown!) }),
    ),
    attach: {
      url: relay,
      method: 'POST',
      headers: auth,
      body: subscriptionBody(def),
      response: { data: { id: '{{body.id}}' } },
      log: { sanitize: ['request.headers.authorization'] },
    },
    detach: {
      url: `${relay}/{{encodeURL(webhook.id)}}`,
      method: 'DELETE',
      headers: auth,
      log: { sanitize: ['request.headers.authorization'] },
    },
  };
}

/** The dropdowns an instant trigger's webhook and module fill, so the app renders their RPCs. */
export function instantRpcSources(def: InstantTriggerDef): DropdownSource[] {
  const fields = def.inputFields.filter(
    (f) => f.key !== PROPERTIES_TO_RETRIEVE || !isFromInput(def.objectType),
  );
  return fields.flatMap((f) => (f.dropdown ? [f.dropdown] : []));
}
