import type { Bundle, ZObject } from 'zapier-platform-core';
import type { InstantTriggerDef } from '../operations/instant/types';
import type { OperationResult } from '../operations/types';
import { type Delivery, verifyDelivery } from '../relay/contract';
import { createContext } from './context';
import { toZapierError } from './errors';
import { zapierOutputFields } from './outputFields';
import { subscribe, unsubscribe } from './relay';
import { toZapierField } from './render';

/**
 * Renders an instant trigger (`operations/instant/`) as a Zapier REST hook trigger (`type: 'hook'`,
 * zapier-platform-schema `BasicHookOperationSchema`): `performSubscribe` registers `bundle.targetUrl` with the events
 * relay and keeps its answer (subscription id and signing secret) as `bundle.subscribeData`; `performUnsubscribe`
 * deletes it; `perform` checks each delivery's signature before reading anything; `performList` runs the polling
 * trigger of the same records, so the editor shows the user's own records as samples.
 * https://docs.zapier.com/platform/build/cli-hook-trigger
 */

interface SubscribeData {
  id: string;
  secret: string;
  portalId?: number;
}

/**
 * Zapier hands the hook's request to `perform` as `bundle.rawRequest` (`content` is the body as sent, which the
 * signature covers; `bundle.cleanedRequest` is parsed and cannot be checked). Its header names carry an `Http-`
 * prefix (`Http-Webhook-Signature`): zapier/zapier-platform#290, documented in the CLI README by #401.
 */
export function deliveryHeaders(raw: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {}))
    out[name.replace(/^http-/i, '').toLowerCase()] = value;
  return out;
}

/** The verified delivery, or an error saying why it was refused (never the secret, the signature or the body). */
export function verifiedDelivery(
  z: ZObject,
  bundle: Bundle,
  label: string,
  now: number = Date.now(),
): Delivery {
  const secret = (bundle.subscribeData as SubscribeData | undefined)?.secret;
  if (!secret)
    throw new z.errors.Error(
      `"${label}" has no signing secret for its subscription: turn the Zap off and on again to subscribe anew.`,
      'RelaySignature',
      401,
    );
  const raw = bundle.rawRequest;
  const body = typeof raw?.content === 'string' ? raw.content : '';
  const check = verifyDelivery(secret, deliveryHeaders(raw?.headers), body, now);
  if (!check.ok)
    throw new z.errors.Error(
      `Refused a delivery to "${label}": ${check.reason}. Only the events relay, signing with this Zap's ` +
        'subscription secret (Standard Webhooks headers webhook-id, webhook-timestamp, webhook-signature), may trigger it.',
      'RelaySignature',
      401,
    );
  try {
    return JSON.parse(body) as Delivery;
  } catch {
    throw new z.errors.Error(`Refused a delivery to "${label}": its body is not JSON.`, 'RelayDelivery', 400);
  }
}

/** The polling trigger's records in the shape of the hook's items, so sample fields match the live ones. */
function asSample(def: InstantTriggerDef, item: OperationResult): OperationResult {
  const recordId = String(item.record_id ?? item.id);
  return {
    ...item,
    id: `sample-${recordId}`,
    record_id: recordId,
    event_id: `sample-${recordId}`,
    event: def.event,
    occurred_at: item.changed_at ?? item.updatedAt ?? item.createdAt,
    record_found: true,
  };
}

export function renderHookTrigger(def: InstantTriggerDef) {
  const guarded =
    <T>(run: (z: ZObject, bundle: Bundle) => Promise<T>) =>
    async (z: ZObject, bundle: Bundle): Promise<T> => {
      try {
        return await run(z, bundle);
      } catch (error) {
        throw toZapierError(z, error);
      }
    };
  return {
    key: def.key,
    noun: def.noun,
    display: { label: def.label, description: def.description },
    operation: {
      type: 'hook' as const,
      inputFields: def.inputFields.map(toZapierField),
      outputFields: zapierOutputFields(def),
      sample: def.sample,
      performSubscribe: guarded(async (z, bundle) => {
        const input = (bundle.inputData ?? {}) as Record<string, unknown>;
        const targetUrl = bundle.targetUrl;
        if (!targetUrl) throw new z.errors.Error('Zapier gave no hook URL to subscribe.', 'RelayError');
        const created = await subscribe(z, bundle, { targetUrl, ...def.subscription(input) });
        return { id: created.id, secret: created.secret, portalId: created.portalId } satisfies SubscribeData;
      }),
      performUnsubscribe: guarded(async (z, bundle) => {
        const id = (bundle.subscribeData as SubscribeData | undefined)?.id;
        if (!id) return {};
        await unsubscribe(z, bundle, id);
        return {};
      }),
      perform: guarded(async (z, bundle) => {
        const delivery = verifiedDelivery(z, bundle, def.label);
        return def.items(createContext(z, bundle, def.key), delivery);
      }),
      performList: guarded(async (z, bundle) => {
        // State under the instant trigger's own key, so samples never move the polling trigger's watermark.
        const ctx = createContext(z, bundle, def.key);
        const items = (await def.polling.perform(ctx)) as OperationResult[];
        return items.map((item) => asSample(def, item));
      }),
    },
  };
}
