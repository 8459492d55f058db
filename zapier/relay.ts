import type { Bundle, ZObject } from 'zapier-platform-core';
import { SUBSCRIPTIONS_PATH, type SubscriptionCreated, type SubscriptionRequest } from '../relay/contract';

/**
 * Calls to the events relay (`relay/contract.ts`) from Zapier's `performSubscribe`/`performUnsubscribe`. The relay's
 * address is the publisher's: `zapier-platform env:set <version> RELAY_URL=https://…`, read inside each call, since
 * Zapier copies env:set variables into `process.env` per invocation
 * (https://github.com/zapier/zapier-platform/blob/main/packages/cli/README.md#using-environment-variables). The
 * user's HubSpot access token is the bearer: the relay reads the portal from it, and only a token of that portal may
 * delete the subscription.
 */

export function relayUrl(): string {
  const value = process.env.RELAY_URL?.trim();
  if (!value)
    throw new Error(
      'RELAY_URL is not set: instant triggers need the events relay address, which the app publisher sets with ' +
        '`zapier-platform env:set <version> RELAY_URL=https://…`. Use the polling trigger of the same name meanwhile.',
    );
  if (!/^https?:\/\//.test(value))
    throw new Error(
      'RELAY_URL must be an http(s) URL of the events relay (such as https://relay.example.com).',
    );
  return value.replace(/\/+$/, '');
}

function bearer(bundle: Bundle): Record<string, string> {
  return { Authorization: `Bearer ${bundle.authData?.access_token ?? ''}` };
}

/** The relay's answer as an error: its own message when it sends one (never the token, which it never echoes). */
function relayError(z: ZObject, bundle: Bundle, status: number, data: unknown, what: string): Error {
  // An expired access token: Zapier refreshes it and runs the call again (`autoRefresh`).
  if (status === 401 && bundle.authData?.refresh_token)
    return new z.errors.RefreshAuthError('The HubSpot access token expired; refreshing it.');
  const message =
    data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : undefined;
  return new z.errors.Error(
    `The events relay refused to ${what} (HTTP ${status})${message ? `: ${message}` : ''}.`,
    'RelayError',
    status,
  );
}

export async function subscribe(
  z: ZObject,
  bundle: Bundle,
  request: SubscriptionRequest,
): Promise<SubscriptionCreated> {
  const response = await z.request({
    url: `${relayUrl()}${SUBSCRIPTIONS_PATH}`,
    method: 'POST',
    headers: { ...bearer(bundle), 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    skipThrowForStatus: true,
  });
  const data = parse(response.content);
  if (response.status !== 201 && response.status !== 200)
    throw relayError(z, bundle, response.status, data, 'subscribe this trigger');
  const created = data as SubscriptionCreated | undefined;
  if (!created?.id || !created.secret)
    throw new z.errors.Error('The events relay answered without a subscription id and secret.', 'RelayError');
  return created;
}

/** Deletes the subscription; one the relay no longer holds (404) is already gone, which is what was asked. */
export async function unsubscribe(z: ZObject, bundle: Bundle, id: string): Promise<void> {
  const response = await z.request({
    url: `${relayUrl()}${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}`,
    method: 'DELETE',
    headers: bearer(bundle),
    skipThrowForStatus: true,
  });
  if (response.status === 204 || response.status === 200 || response.status === 404) return;
  throw relayError(
    z,
    bundle,
    response.status,
    parse(response.content),
    'delete the subscription of this trigger',
  );
}

function parse(content: string | undefined): unknown {
  try {
    return content ? JSON.parse(content) : undefined;
  } catch {
    return undefined;
  }
}
