import type { Bundle, ZObject } from 'zapier-platform-core';
import { HubSpotClient } from '../hubspot/client';
import { paths } from '../hubspot/paths';
import type { PropertyDefinition } from '../hubspot/propertyDefinition';
import type { OperationContext, OperationState, PortalSchema } from '../operations/types';
import { zapierTransport } from './transport';

/**
 * Builds the platform-neutral operation context from Zapier's `z` and `bundle`: the HubSpot client over `z.request`,
 * per-invocation caches for property definitions and owners, and per-Zap state in `z.cache` for polling watermarks.
 */

/** Watermarks outlive many polls; 30 days covers a Zap switched off for a while. */
const STATE_TTL_SECONDS = 30 * 24 * 3600;

export function createContext(z: ZObject, bundle: Bundle, operationKey: string): OperationContext {
  const api = new HubSpotClient({
    accessToken: () => bundle.authData.access_token ?? '',
    transport: zapierTransport(z),
    logger: (message, data) => z.console.log(message, data ?? {}),
    canRefreshAuth: Boolean(bundle.authData.refresh_token),
  });
  return {
    api,
    schema: cachedSchema(api),
    state: zapState(z, bundle, operationKey),
    input: (bundle.inputData ?? {}) as Record<string, unknown>,
    timezone: bundle.meta?.timezone ?? undefined,
    isLoadingSample: Boolean(bundle.meta?.isLoadingSample),
    isPopulatingDedupe: Boolean(bundle.meta?.isPopulatingDedupe),
    withSearch: Boolean(bundle.meta?.withSearch),
    now: () => Date.now(),
    log: (message, data) => z.console.log(message, data ?? {}),
  };
}

export function cachedSchema(api: HubSpotClient): PortalSchema {
  const properties = new Map<string, Promise<PropertyDefinition[]>>();
  let owners: ReturnType<PortalSchema['owners']> | undefined;
  return {
    properties(objectType) {
      let pending = properties.get(objectType);
      if (!pending) {
        pending = api
          .request<{ results: PropertyDefinition[] }>({
            method: 'GET',
            path: paths.properties.list(objectType),
          })
          .then((r) => r.data.results);
        properties.set(objectType, pending);
      }
      return pending;
    },
    owners() {
      owners ??= listAllOwners(api);
      return owners;
    },
  };
}

async function listAllOwners(api: HubSpotClient) {
  const all: Awaited<ReturnType<PortalSchema['owners']>> = [];
  let after: string | undefined;
  do {
    const { data } = await api.request<{
      results: Awaited<ReturnType<PortalSchema['owners']>>;
      paging?: { next?: { after: string } };
    }>({ method: 'GET', path: paths.owners.list(), query: { limit: 500, after } });
    all.push(...data.results);
    after = data.paging?.next?.after;
  } while (after);
  return all;
}

/**
 * Per-Zap state. Without a Zap id (editor tests, `invoke`) nothing is stored and triggers fall back to returning the
 * latest records, which Zapier's dedupe handles.
 */
function zapState(z: ZObject, bundle: Bundle, operationKey: string): OperationState {
  const zapId = bundle.meta?.zap?.id;
  const prefix = `hubspot-bridge:${operationKey}:${zapId}:`;
  return {
    async get<T>(key: string) {
      if (!zapId) return undefined;
      return ((await z.cache.get(prefix + key)) ?? undefined) as T | undefined;
    },
    async set<T>(key: string, value: T) {
      if (zapId) await z.cache.set(prefix + key, value, STATE_TTL_SECONDS);
    },
  };
}
