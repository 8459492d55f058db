import { fail, validationError } from '../errors';
import {
  ACTIONS_BY_TYPE,
  JOURNAL_SCOPES,
  type JournalAction,
  SUBSCRIPTION_TYPES,
  SUPPORTED_SUBSCRIPTION_TYPES,
  type SubscriptionType,
} from '../facts/webhooksJournal';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { JournalSubscription, SubscriptionInput } from '../state/journal';

/**
 * Webhooks journal subscriptions, 2026-03: install-specific (one portal each), managed by the app itself with its
 * client-credentials token. https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide
 * Paths and fields: the 2026-03 reference (list, upsert, get, delete, delete for a portal). `POST` creates or updates
 * ("Upsert subscription"): the same portal, type and object type is one subscription, answered 200 either way.
 */

const BASE = '/webhooks-journal/subscriptions/2026-03';

export function journalSubscriptionRoutes(router: Router): void {
  const read = {
    auth: 'app',
    lane: 'none',
    scopes: () => [JOURNAL_SCOPES.subscriptionsRead, JOURNAL_SCOPES.subscriptionsWrite],
  } as const;
  const write = { auth: 'app', lane: 'none', scopes: () => [JOURNAL_SCOPES.subscriptionsWrite] } as const;

  router.get(BASE, read, (req, portal) =>
    json(200, { results: portal.journal.subscriptionsOf(req.auth!.appId).map(view) }),
  );
  router.post(BASE, write, (req, portal) => {
    const input = subscriptionInput(req, portal);
    return json(200, view(portal.journal.upsert(input, portal.now()).subscription));
  });
  router.get(`${BASE}/:subscriptionId`, read, (req, portal) =>
    json(200, view(requireSubscription(req, portal))),
  );
  router.delete(`${BASE}/:subscriptionId`, write, (req, portal) => {
    portal.journal.remove(requireSubscription(req, portal).id);
    return noContent();
  });
  router.delete(`${BASE}/portals/:portalId`, write, (req, portal) => {
    const portalId = integerOf(req.params.portalId, 'portalId');
    requireInstalled(portal, req.auth!.appId, portalId);
    portal.journal.removeForPortal(req.auth!.appId, portalId);
    return noContent();
  });
}

/**
 * A portal that never installed the app cannot be subscribed to: "install-specific" (guide). HubSpot's body for this
 * refusal is UNVERIFIED; the sandbox answers its 400 envelope naming the app and the portal.
 */
export function requireInstalled(portal: Portal, appId: number, portalId: number): void {
  if (portalId === portal.info.portalId && portal.auth.hasInstalled(appId)) return;
  throw validationError(
    `App ${appId} is not installed in portal ${portalId}: portalId must be an account that installed the app (an OAuth authorization was granted).`,
  );
}

function requireSubscription(req: SandboxRequest, portal: Portal): JournalSubscription {
  const appId = req.auth!.appId;
  const found = portal.journal.subscription(appId, Number(req.params.subscriptionId));
  if (!found)
    throw fail(
      404,
      `Subscription ${req.params.subscriptionId} does not exist for app ${appId}.`,
      'OBJECT_NOT_FOUND',
    );
  return found;
}

function subscriptionInput(req: SandboxRequest, portal: Portal): SubscriptionInput {
  const body = objectBody(req);
  const appId = req.auth!.appId;
  const type = body.subscriptionType;
  if (typeof type !== 'string' || !(SUBSCRIPTION_TYPES as readonly string[]).includes(type))
    throw validationError(
      `subscriptionType must be one of ${SUBSCRIPTION_TYPES.join(', ')}; got ${JSON.stringify(type)}.`,
    );
  const subscriptionType = type as SubscriptionType;
  if (!SUPPORTED_SUBSCRIPTION_TYPES.includes(subscriptionType))
    throw validationError(
      `subscriptionType ${type} is not emulated by the sandbox; it takes ${SUPPORTED_SUBSCRIPTION_TYPES.join(', ')}.`,
    );
  const portalId = integerOf(body.portalId, 'portalId');
  requireInstalled(portal, appId, portalId);
  const objectTypeId =
    subscriptionType === 'LIST_MEMBERSHIP'
      ? optionalType(portal, body.objectTypeId)
      : objectTypeOf(portal, body.objectTypeId);
  if (subscriptionType === 'GDPR_PRIVACY_DELETION' && objectTypeId !== '0-1')
    throw validationError('objectTypeId must be 0-1 (contacts) for GDPR_PRIVACY_DELETION.');
  return {
    appId,
    portalId,
    subscriptionType,
    ...(objectTypeId ? { objectTypeId } : {}),
    actions: actionsOf(body.actions, subscriptionType),
    properties: propertiesOf(portal, body.properties, objectTypeId),
    objectIds: integersOf(body.objectIds, 'objectIds'),
    associatedObjectTypeIds: stringsOf(body.associatedObjectTypeIds, 'associatedObjectTypeIds').map((t) =>
      objectTypeOf(portal, t, 'associatedObjectTypeIds'),
    ),
    listIds: integersOf(body.listIds, 'listIds'),
  };
}

function objectTypeOf(portal: Portal, value: unknown, field = 'objectTypeId'): string {
  const def = typeof value === 'string' ? portal.objectTypes.find(value) : undefined;
  if (!def)
    throw validationError(
      `${field} must name an object type of the portal (e.g. 0-1 for contacts, 0-3 for deals); got ${JSON.stringify(value)}.`,
    );
  return def.objectTypeId;
}

const optionalType = (portal: Portal, value: unknown) =>
  value === undefined || value === null ? undefined : objectTypeOf(portal, value);

function actionsOf(value: unknown, type: SubscriptionType): JournalAction[] {
  const allowed = ACTIONS_BY_TYPE[type] ?? [];
  const actions = stringsOf(value, 'actions');
  const wrong = actions.filter((a) => !(allowed as readonly string[]).includes(a));
  if (actions.length === 0 || wrong.length > 0)
    throw validationError(
      `actions must be a non-empty array of ${allowed.join(', ')} for ${type}${wrong.length > 0 ? `; not allowed: ${wrong.join(', ')}` : ''}.`,
    );
  return [...new Set(actions)] as JournalAction[];
}

function propertiesOf(portal: Portal, value: unknown, objectTypeId: string | undefined): string[] {
  const names = stringsOf(value, 'properties');
  const def = objectTypeId ? portal.objectTypes.find(objectTypeId) : undefined;
  const unknown = def ? names.filter((n) => !portal.properties.get(def, n)) : names;
  if (unknown.length > 0)
    throw validationError(
      `properties must name properties of object type ${objectTypeId}; unknown: ${unknown.join(', ')}.`,
    );
  return names;
}

function stringsOf(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw validationError(`${field} must be an array of strings.`);
  return value as string[];
}

function integersOf(value: unknown, field: string): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validationError(`${field} must be an array of integers.`);
  return value.map((v) => integerOf(v, field));
}

function integerOf(value: unknown, field: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0)
    throw validationError(`${field} must be a positive integer; got ${JSON.stringify(value)}.`);
  return n;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** SubscriptionResponse of the 2026-03 reference. */
function view(s: JournalSubscription) {
  return {
    id: s.id,
    appId: s.appId,
    subscriptionType: s.subscriptionType,
    ...(s.objectTypeId ? { objectTypeId: s.objectTypeId } : {}),
    portalId: s.portalId,
    actions: s.actions,
    properties: s.properties,
    objectIds: s.objectIds,
    associatedObjectTypeIds: s.associatedObjectTypeIds,
    listIds: s.listIds,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}
