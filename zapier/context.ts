import type { Bundle, ZObject } from 'zapier-platform-core';
import { HubSpotClient } from '../hubspot/client';
import { paths } from '../hubspot/paths';
import type { PropertyDefinition } from '../hubspot/propertyDefinition';
import { portalThrottle } from '../hubspot/throttle';
import { noStateStore, type StagedState, stagedState } from '../operations/stagedState';
import type { OperationContext, PortalSchema, SharedStore } from '../operations/types';
import { zapierTransport } from './transport';

/**
 * Builds the platform-neutral operation context from Zapier's `z` and `bundle`: the HubSpot client over `z.request`,
 * per-invocation caches for property definitions and owners, and per-Zap state in `z.cache` for polling watermarks.
 */

/** Watermarks outlive many polls; 30 days covers a Zap switched off for a while. */
const STATE_TTL_SECONDS = 30 * 24 * 3600;
/**
 * Property definitions change rarely; keeping them 10 minutes across runs lets a steady Zap spend one HubSpot call
 * per record write instead of two. A property created in HubSpot shows up within that time.
 */
const SCHEMA_TTL_SECONDS = 600;

/** The context of one run; its state writes are saved only by `ctx.state.commit()` once the run has succeeded. */
export type ZapierOperationContext = OperationContext & { state: StagedState };

export function createContext(z: ZObject, bundle: Bundle, operationKey: string): ZapierOperationContext {
  const portal = bundle.authData?.hub_id;
  const api = new HubSpotClient({
    accessToken: () => bundle.authData.access_token ?? '',
    transport: zapierTransport(z),
    logger: (message, data) => z.console.log(message, data ?? {}),
    canRefreshAuth: Boolean(bundle.authData.refresh_token),
    // Runs on one portal pace together, so a run does not spend the window the previous one just used.
    throttle: portal ? portalThrottle(String(portal)) : undefined,
  });
  const shared = portalSharedStore(z, bundle);
  return {
    api,
    schema: cachedSchema(api, forgivingCache(z, shared)),
    state: zapState(z, bundle, operationKey),
    shared,
    input: (bundle.inputData ?? {}) as Record<string, unknown>,
    timezone: bundle.meta?.timezone ?? undefined,
    isLoadingSample: Boolean(bundle.meta?.isLoadingSample),
    isPopulatingDedupe: Boolean(bundle.meta?.isPopulatingDedupe),
    withSearch: Boolean(bundle.meta?.withSearch),
    page: Number(bundle.meta?.page ?? 0) || 0,
    now: () => Date.now(),
    log: (message, data) => z.console.log(message, data ?? {}),
  };
}

/** A cache shared by the runs of one portal (`z.cache`), for data that is the same for every Zap. */
export interface PortalCache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
}

/**
 * A copy that only saves calls, over the portal's shared store: when `z.cache` fails, the run reads the definitions
 * from HubSpot instead of failing (a Find or Create then still reaches its create and the check that needs no store).
 * Logged by error class only.
 */
function forgivingCache(z: ZObject, store: SharedStore | undefined): PortalCache | undefined {
  if (!store) return undefined;
  const failed = (error: unknown) =>
    z.console.log('z.cache failed; reading from HubSpot', {
      error: error instanceof Error ? error.name : typeof error,
    });
  return {
    get: async <T>(key: string) => {
      try {
        return await store.get<T>(key);
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    set: async (key, value, ttl) => {
      try {
        await store.set(key, value, ttl);
      } catch (error) {
        failed(error);
      }
    },
  };
}

/**
 * The portal's shared store for overlapping runs (`operations/objects/domainClaim.ts`), over `z.cache` with its
 * `nx` flag: `z.cache.set(key, value, ttl, scope, nx)` sets only when the key is absent when `nx` is true, and answers
 * whether it set (zapier-platform-core `src/tools/create-cache.js`, PR "Adds nx argument to z.cache.set()":
 * https://github.com/zapier/zapier-platform/pull/900; its types answer `boolean | null`). Zapier documents no
 * z.cache section in its CLI docs and calls `set` "still for internal usage" (that PR), so only a strict `true` or
 * `false` is taken as an answer; anything else throws, and the step falls back to the check that needs no store.
 * No scope: the entry is shared by every connection and Zap of this integration, as runs of two teammates'
 * connections to one portal must agree too (`['auth']` would split them per connection). The key names the portal
 * (`hub_id`, from the connection, never a token) and the domain.
 */
function portalSharedStore(z: ZObject, bundle: Bundle): SharedStore | undefined {
  const portal = bundle.authData?.hub_id;
  if (!portal) return undefined;
  const prefix = `hubspot-bridge:portal:${portal}:`;
  return {
    get: async <T>(key: string) => ((await z.cache.get(prefix + key)) ?? undefined) as T | undefined,
    setIfAbsent: async (key, value, ttl) => {
      const answer: unknown = await z.cache.set(prefix + key, value, ttl, undefined, true);
      if (answer !== true && answer !== false)
        throw new TypeError('z.cache.set with nx answered neither true nor false');
      return answer;
    },
    set: async (key, value, ttl) => {
      await z.cache.set(prefix + key, value, ttl);
    },
    delete: async (key) => {
      await z.cache.delete(prefix + key);
    },
  };
}

export function cachedSchema(api: HubSpotClient, shared?: PortalCache): PortalSchema {
  const properties = new Map<string, Promise<PropertyDefinition[]>>();
  let owners: ReturnType<PortalSchema['owners']> | undefined;
  const load = async (objectType: string): Promise<PropertyDefinition[]> => {
    const key = `properties:${objectType}`;
    const cached = await shared?.get<PropertyDefinition[]>(key);
    if (cached) return cached;
    const { data } = await api.request<{ results: PropertyDefinition[] }>({
      method: 'GET',
      path: paths.properties.list(objectType),
    });
    await shared?.set(key, data.results.map(compactDefinition), SCHEMA_TTL_SECONDS);
    return data.results;
  };
  return {
    properties(objectType) {
      let pending = properties.get(objectType);
      if (!pending) {
        pending = load(objectType);
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
 * Per-Zap state: one `z.cache` entry per Zap and operation, written once at the end of a successful run (see
 * `operations/stagedState.ts`). Without a Zap id (editor tests, `invoke`) nothing is stored and triggers fall back to
 * returning the latest records, which Zapier's dedupe handles.
 */
function zapState(z: ZObject, bundle: Bundle, operationKey: string): StagedState {
  const zapId = bundle.meta?.zap?.id;
  if (!zapId) return stagedState(noStateStore);
  const key = `hubspot-bridge:${operationKey}:${zapId}:state`;
  return stagedState({
    read: async () => ((await z.cache.get(key)) ?? undefined) as Record<string, unknown> | undefined,
    write: async (document) => {
      await z.cache.set(key, document, STATE_TTL_SECONDS);
    },
  });
}

/** Only what coercion, fields and messages use, so the cached copy stays small. */
const KEPT_DEFINITION_KEYS = [
  'name',
  'label',
  'type',
  'fieldType',
  'referencedObjectType',
  'modificationMetadata',
  'hidden',
  'calculated',
  'hasUniqueValue',
  'displayOrder',
] as const;

function compactDefinition(def: PropertyDefinition): PropertyDefinition {
  const source = def as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of KEPT_DEFINITION_KEYS) if (source[key] !== undefined) out[key] = source[key];
  if (def.options) out.options = def.options.map(({ label, value, hidden }) => ({ label, value, hidden }));
  return out as unknown as PropertyDefinition;
}
