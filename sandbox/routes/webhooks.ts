import { fail, validationError } from '../errors';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { WebhookSettings, WebhookSubscription } from '../state/webhooks';
import {
  isGenericObjectType,
  isPropertyChange,
  LEGACY_EVENT_PREFIXES,
  WEBHOOK_EVENT_TYPES,
} from '../webhooks/eventTypes';

/**
 * App webhooks v3 management: settings (target URL, concurrency) and subscriptions, per app, authenticated with the
 * developer API key (`?hapikey=`). https://developers.hubspot.com/docs/api/webhooks
 * Delivery: `../webhooks/dispatcher.ts`.
 */

const MAX_SUBSCRIPTIONS_PER_APP = 1_000;
/** HubSpot: "maxConcurrentRequests must be a number greater than five"; its default is 10. */
const MIN_CONCURRENT_REQUESTS = 5;

export function webhookRoutes(router: Router): void {
  const options = { auth: 'developer', lane: 'none' } as const;
  const base = '/webhooks/v3/:appId';

  router.get(`${base}/settings`, options, (req, portal) => {
    const appId = requireApp(req, portal);
    const settings = portal.webhooks.settingsOf(appId);
    if (!settings) throw fail(404, `No webhook settings exist for app ${appId}.`, 'OBJECT_NOT_FOUND');
    return json(200, settingsView(settings));
  });

  router.put(`${base}/settings`, options, (req, portal) => {
    const appId = requireApp(req, portal);
    const body = objectBody(req);
    const earlier = portal.webhooks.settingsOf(appId);
    const now = portal.now();
    const settings: WebhookSettings = {
      targetUrl: targetUrlOf(body.targetUrl),
      throttling: { maxConcurrentRequests: concurrencyOf(body.throttling) },
      createdAt: earlier?.createdAt ?? now,
      updatedAt: now,
    };
    portal.webhooks.configure(appId, settings);
    return json(200, settingsView(settings));
  });

  router.delete(`${base}/settings`, options, (req, portal) => {
    portal.webhooks.removeSettings(requireApp(req, portal));
    return noContent();
  });

  router.get(`${base}/subscriptions`, options, (req, portal) =>
    json(200, { results: portal.webhooks.subscriptionsOf(requireApp(req, portal)).map(subscriptionView) }),
  );

  router.post(`${base}/subscriptions`, options, (req, portal) => {
    const appId = requireApp(req, portal);
    const input = subscriptionInput(portal, objectBody(req));
    if (portal.webhooks.subscriptionsOf(appId).length >= MAX_SUBSCRIPTIONS_PER_APP) {
      throw validationError(
        `Couldn't create another subscription: an app has at most ${MAX_SUBSCRIPTIONS_PER_APP} subscriptions.`,
      );
    }
    const created = portal.webhooks.addSubscription({ appId, ...input, createdAt: portal.now() });
    return json(201, subscriptionView(created));
  });

  router.post(`${base}/subscriptions/batch/update`, options, (req, portal) => {
    const appId = requireApp(req, portal);
    const inputs = objectBody(req).inputs;
    if (!Array.isArray(inputs) || inputs.length === 0) {
      throw validationError('inputs must be a non-empty array of {id, active}.');
    }
    const startedAt = new Date(portal.now()).toISOString();
    const results: WebhookSubscription[] = [];
    const missing: string[] = [];
    for (const [i, raw] of inputs.entries()) {
      const { id, active } = (raw ?? {}) as { id?: unknown; active?: unknown };
      if (typeof active !== 'boolean') throw validationError(`inputs[${i}].active must be true or false.`);
      const found = portal.webhooks.subscription(appId, Number(id));
      if (!found) {
        missing.push(String(id));
        continue;
      }
      Object.assign(found, { active, updatedAt: portal.now() });
      results.push(found);
    }
    const answer = {
      status: 'COMPLETE',
      results: results.map(subscriptionView),
      startedAt,
      completedAt: new Date(portal.now()).toISOString(),
    };
    if (missing.length === 0) return json(200, answer);
    return json(207, {
      ...answer,
      numErrors: missing.length,
      errors: missing.map((id) => ({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: `Subscription ${id} does not exist for app ${appId}.`,
        context: { ids: [id] },
      })),
    });
  });

  router.get(`${base}/subscriptions/:subscriptionId`, options, (req, portal) =>
    json(200, subscriptionView(requireSubscription(req, portal))),
  );

  router.patch(`${base}/subscriptions/:subscriptionId`, options, (req, portal) => {
    const found = requireSubscription(req, portal);
    const { active } = objectBody(req);
    if (active !== undefined && typeof active !== 'boolean')
      throw validationError('active must be true or false.');
    if (active !== undefined) Object.assign(found, { active, updatedAt: portal.now() });
    return json(200, subscriptionView(found));
  });

  router.delete(`${base}/subscriptions/:subscriptionId`, options, (req, portal) => {
    portal.webhooks.removeSubscription(requireSubscription(req, portal).id);
    return noContent();
  });
}

function requireApp(req: SandboxRequest, portal: Portal): number {
  const appId = Number(req.params.appId);
  if (!portal.auth.oauthApps.some((a) => a.appId === appId)) {
    throw fail(404, `App ${req.params.appId} does not exist in this developer account.`, 'OBJECT_NOT_FOUND');
  }
  return appId;
}

function requireSubscription(req: SandboxRequest, portal: Portal): WebhookSubscription {
  const appId = requireApp(req, portal);
  const found = portal.webhooks.subscription(appId, Number(req.params.subscriptionId));
  if (!found) {
    throw fail(
      404,
      `Subscription ${req.params.subscriptionId} does not exist for app ${appId}.`,
      'OBJECT_NOT_FOUND',
    );
  }
  return found;
}

function targetUrlOf(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw validationError(
      'targetUrl must be an absolute http(s) URL, e.g. https://example.com/hubspot/webhooks.',
    );
  }
  return String(value);
}

function concurrencyOf(throttling: unknown): number {
  const value = (throttling as { maxConcurrentRequests?: unknown } | undefined)?.maxConcurrentRequests;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_CONCURRENT_REQUESTS) {
    throw validationError(
      `throttling.maxConcurrentRequests must be an integer of at least ${MIN_CONCURRENT_REQUESTS}; HubSpot's default is 10.`,
    );
  }
  return value;
}

/** Checks a subscription the way HubSpot does: a known event type, a property for property changes, a type for object.*. */
function subscriptionInput(
  portal: Portal,
  body: Record<string, unknown>,
): Pick<WebhookSubscription, 'eventType' | 'propertyName' | 'objectTypeId' | 'active'> {
  const { eventType, propertyName, objectTypeId, active } = body;
  if (typeof eventType !== 'string' || !WEBHOOK_EVENT_TYPES.includes(eventType)) {
    throw validationError(
      `eventType must be one of HubSpot's webhook event types (e.g. contact.creation, deal.propertyChange, object.creation); got ${JSON.stringify(eventType)}.`,
    );
  }
  if (active !== undefined && typeof active !== 'boolean')
    throw validationError('active must be true or false.');
  let typeId: string | undefined;
  if (isGenericObjectType(eventType)) {
    const def = typeof objectTypeId === 'string' ? portal.objectTypes.find(objectTypeId) : undefined;
    if (!def) throw validationError(`objectTypeId must name an object type of the portal for ${eventType}.`);
    typeId = def.objectTypeId;
  } else {
    typeId = Object.entries(LEGACY_EVENT_PREFIXES).find(([, p]) => eventType.startsWith(`${p}.`))?.[0];
  }
  if (isPropertyChange(eventType)) {
    const def = typeId ? portal.objectTypes.find(typeId) : undefined;
    if (typeof propertyName !== 'string' || !def || !portal.properties.get(def, propertyName)) {
      throw validationError(
        `propertyName must name an existing property of the object for ${eventType}; got ${JSON.stringify(propertyName)}.`,
      );
    }
  }
  return {
    eventType,
    ...(isPropertyChange(eventType) ? { propertyName: propertyName as string } : {}),
    ...(isGenericObjectType(eventType) ? { objectTypeId: typeId } : {}),
    // New subscriptions start paused unless asked otherwise.
    active: active === true,
  };
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function settingsView(s: WebhookSettings) {
  return {
    targetUrl: s.targetUrl,
    throttling: s.throttling,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

function subscriptionView(s: WebhookSubscription) {
  return {
    id: String(s.id),
    eventType: s.eventType,
    ...(s.propertyName ? { propertyName: s.propertyName } : {}),
    ...(s.objectTypeId ? { objectTypeId: s.objectTypeId } : {}),
    active: s.active,
    createdAt: iso(s.createdAt),
    ...(s.updatedAt ? { updatedAt: iso(s.updatedAt) } : {}),
  };
}
