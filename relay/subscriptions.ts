import { randomUUID } from 'node:crypto';
import { newSecret, RELAY_EVENTS, type RelayEventKind, type SubscriptionCreated } from './contract';
import { type HubSpotApi, HubSpotCallError, type TokenInfo } from './hubspotApi';
import { resolveObjectType } from './objectTypes';
import type { RelayStore, StoredSubscription } from './store/types';
import { type TargetPolicy, targetProblem } from './targets';

/**
 * `POST /v1/subscriptions` and `DELETE /v1/subscriptions/{id}`: a platform subscribes a hook with the user's HubSpot
 * access token. The relay asks HubSpot whose token it is, binds the subscription to that portal, refuses events the
 * token's scopes do not cover, and keeps no token.
 */

/** Subscriptions one portal may hold: every hook of an agency's client, with room, but not unbounded. */
export const MAX_SUBSCRIPTIONS_PER_PORTAL = 200;
const MAX_VALUES = 100;
/**
 * A custom object named as HubSpot's paths accept it: `p_<name>` or the fully qualified `p<portalId>_<name>`
 * (https://developers.hubspot.com/docs/api/crm/crm-custom-objects).
 */
const CUSTOM_NAME = /^p\d*_[a-z0-9_]+$/i;
const CUSTOM_READ_SCOPES = ['crm.objects.custom.read'];

/** A refusal the HTTP layer answers as is: a status, a message naming the field and what is allowed. */
export class RelayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export interface SubscriptionDeps {
  store: RelayStore;
  api: HubSpotApi;
  targets: TargetPolicy;
  /** The app this relay serves; a token of another app is refused. */
  appId?: number;
  now: () => number;
  /**
   * Whether the relay reads the webhooks journal (`RELAY_INGEST` journal or both): list membership events come only
   * from there, so without it a `listMembership` subscription is refused.
   */
  readsJournal?: boolean;
  /** Makes HubSpot send what the new subscription needs (app webhooks, journal); throwing undoes the subscription. */
  afterSubscribe: (subscription: StoredSubscription) => Promise<void>;
}

export function bearerToken(authorization: string | undefined): string {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token) {
    throw new RelayError(
      401,
      'Authorization must be "Bearer <the user\'s HubSpot access token>".',
      'Authorization',
    );
  }
  return token;
}

/** Whose token: HubSpot's answer, or a refusal that says why without repeating the token. */
export async function tokenOwner(api: HubSpotApi, token: string, appId?: number): Promise<TokenInfo> {
  let info: TokenInfo;
  try {
    info = await api.introspect(token);
  } catch (error) {
    if (error instanceof HubSpotCallError && [400, 401, 403, 404].includes(error.status)) {
      throw new RelayError(401, 'HubSpot does not accept this access token (expired, revoked or unknown).');
    }
    throw new RelayError(502, 'The access token could not be checked with HubSpot; try again.');
  }
  if (appId !== undefined && info.appId !== undefined && info.appId !== appId) {
    throw new RelayError(
      403,
      `The access token was issued to another HubSpot app than this relay's (${appId}).`,
    );
  }
  return info;
}

interface ValidRequest {
  targetUrl: string;
  /** Empty for a list membership until the list is read. */
  objectType: string;
  /** Unknown until HubSpot is asked, for a custom object named by its name. */
  objectTypeId?: string;
  readScopes: readonly string[];
  event: RelayEventKind;
  property?: string;
  values?: string[];
  listId?: string;
}

/** A lists v3 `listId`: digits (https://developers.hubspot.com/docs/api/crm/lists). */
const LIST_ID = /^\d{1,20}$/;

function validListRequest(fields: Record<string, unknown>, targetUrl: string): ValidRequest {
  const { listId, objectType, property, values } = fields;
  const id = typeof listId === 'number' ? String(listId) : listId;
  if (typeof id !== 'string' || !LIST_ID.test(id.trim())) {
    throw new RelayError(
      400,
      `listId is required for listMembership: the list's ID (digits, as in the list's URL); got ${JSON.stringify(listId)}.`,
      'listId',
    );
  }
  if (property !== undefined || values !== undefined) {
    throw new RelayError(
      400,
      'property and values are only allowed with propertyChange, not listMembership.',
      'property',
    );
  }
  if (objectType !== undefined && typeof objectType !== 'string') {
    throw new RelayError(
      400,
      'objectType must be a string when given; a list names its own object type.',
      'objectType',
    );
  }
  return { targetUrl, objectType: '', readScopes: [], event: 'listMembership', listId: id.trim() };
}

function validRequest(body: unknown): ValidRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new RelayError(
      400,
      'The body must be a JSON object {targetUrl, objectType, event, property?, values?}.',
    );
  }
  const { targetUrl, objectType, event, property, values, listId } = body as Record<string, unknown>;
  if (typeof targetUrl !== 'string' || !targetUrl) {
    throw new RelayError(400, 'targetUrl is required: the https URL deliveries go to.', 'targetUrl');
  }
  if (event === 'listMembership') return validListRequest(body as Record<string, unknown>, targetUrl);
  if (listId !== undefined) {
    throw new RelayError(400, `listId is only allowed with listMembership, not ${String(event)}.`, 'listId');
  }
  const resolved =
    typeof objectType !== 'string'
      ? undefined
      : (resolveObjectType(objectType) ??
        (CUSTOM_NAME.test(objectType) ? { readScopes: CUSTOM_READ_SCOPES } : undefined));
  if (typeof objectType !== 'string' || !resolved) {
    throw new RelayError(
      400,
      `objectType must be a standard object type (contacts, companies, deals, tickets, products, line_items, …) or a custom object's name (p_orders) or objectTypeId (2-…); got ${JSON.stringify(objectType)}.`,
      'objectType',
    );
  }
  if (typeof event !== 'string' || !(RELAY_EVENTS as readonly string[]).includes(event)) {
    throw new RelayError(
      400,
      `event must be one of ${RELAY_EVENTS.join(', ')}; got ${JSON.stringify(event)}.`,
      'event',
    );
  }
  const kind = event as RelayEventKind;
  if (kind === 'propertyChange' && (typeof property !== 'string' || !property)) {
    throw new RelayError(
      400,
      'property is required for propertyChange: the internal name of the property to watch.',
      'property',
    );
  }
  if (kind !== 'propertyChange' && property !== undefined) {
    throw new RelayError(400, `property is only allowed with propertyChange, not ${kind}.`, 'property');
  }
  if (values !== undefined) {
    const ok =
      Array.isArray(values) && values.length <= MAX_VALUES && values.every((v) => typeof v === 'string');
    if (!ok || kind !== 'propertyChange') {
      throw new RelayError(
        400,
        `values must be a list of at most ${MAX_VALUES} strings, and only with propertyChange.`,
        'values',
      );
    }
  }
  return {
    targetUrl,
    objectType,
    ...('objectTypeId' in resolved ? { objectTypeId: resolved.objectTypeId } : {}),
    readScopes: resolved.readScopes,
    event: kind,
    ...(kind === 'propertyChange' ? { property: property as string } : {}),
    ...(Array.isArray(values) && values.length ? { values: values as string[] } : {}),
  };
}

export async function subscribe(
  deps: SubscriptionDeps,
  authorization: string | undefined,
  body: unknown,
): Promise<SubscriptionCreated> {
  const token = bearerToken(authorization);
  let request = validRequest(body);
  if (request.event === 'listMembership' && !deps.readsJournal) {
    throw new RelayError(
      400,
      'event listMembership needs the webhooks journal (RELAY_INGEST=journal or both): HubSpot pushes no list membership events.',
      'event',
    );
  }
  const owner = await tokenOwner(deps.api, token, deps.appId);
  if (request.listId !== undefined) request = await withListType(deps.api, token, request, owner);
  if (!request.readScopes.some((s) => owner.scopes.includes(s))) {
    throw new RelayError(
      403,
      `The access token cannot read ${request.objectType}: it needs one of the scopes ${request.readScopes.join(', ')}.`,
      'objectType',
    );
  }
  const problem = await targetProblem(request.targetUrl, deps.targets);
  if (problem) throw new RelayError(400, `${problem}.`, 'targetUrl');
  const objectTypeId =
    request.objectTypeId ?? (await customTypeId(deps.api, token, request.objectType, owner));
  const { readScopes: _scopes, ...fields } = request;
  const subscription: StoredSubscription = {
    id: `sub_${randomUUID().replaceAll('-', '')}`,
    portalId: owner.portalId,
    ...fields,
    objectTypeId,
    secret: newSecret(),
    createdAt: deps.now(),
  };
  if (!(await deps.store.addSubscription(subscription, MAX_SUBSCRIPTIONS_PER_PORTAL))) {
    throw new RelayError(
      409,
      `Portal ${owner.portalId} already has ${MAX_SUBSCRIPTIONS_PER_PORTAL} subscriptions, the most one portal may hold; remove unused ones first.`,
    );
  }
  try {
    await deps.afterSubscribe(subscription);
  } catch (error) {
    await deps.store.removeSubscription(subscription.id);
    const reason = error instanceof HubSpotCallError ? error.message : 'the relay is not configured for it';
    // HubSpot's own message may already end its sentence.
    throw new RelayError(
      502,
      `HubSpot could not be set up to send these events: ${reason.replace(/\.$/, '')}.`,
    );
  }
  return {
    id: subscription.id,
    secret: subscription.secret,
    portalId: subscription.portalId,
    objectType: subscription.objectType,
    event: subscription.event,
    ...(subscription.property ? { property: subscription.property } : {}),
    ...(subscription.listId ? { listId: subscription.listId } : {}),
  };
}

/** A list membership subscription takes its object type from the list itself, read with the user's token. */
async function withListType(
  api: HubSpotApi,
  token: string,
  request: ValidRequest,
  owner: TokenInfo,
): Promise<ValidRequest> {
  let objectTypeId: string | undefined;
  try {
    objectTypeId = await api.listObjectTypeId(token, request.listId!);
  } catch (error) {
    if (error instanceof HubSpotCallError && error.status === 403) {
      throw new RelayError(
        403,
        'The access token cannot read lists: it needs the scope crm.lists.read.',
        'listId',
      );
    }
    throw new RelayError(502, `List ${request.listId} could not be read from HubSpot; try again.`, 'listId');
  }
  if (!objectTypeId) {
    throw new RelayError(
      400,
      `listId ${request.listId} is not a list of portal ${owner.portalId}.`,
      'listId',
    );
  }
  const resolved = resolveObjectType(objectTypeId);
  return {
    ...request,
    objectType: objectTypeId,
    objectTypeId,
    readScopes: resolved?.readScopes ?? CUSTOM_READ_SCOPES,
  };
}

async function customTypeId(api: HubSpotApi, token: string, name: string, owner: TokenInfo): Promise<string> {
  let found: string | undefined;
  try {
    found = await api.customObjectTypeId(token, name);
  } catch {
    throw new RelayError(
      502,
      `The object type ${name} could not be read from HubSpot; try again.`,
      'objectType',
    );
  }
  if (!found)
    throw new RelayError(
      400,
      `objectType ${name} is not an object type of portal ${owner.portalId}.`,
      'objectType',
    );
  return found;
}

export async function unsubscribe(
  deps: SubscriptionDeps,
  authorization: string | undefined,
  id: string,
): Promise<StoredSubscription> {
  const token = bearerToken(authorization);
  const owner = await tokenOwner(deps.api, token, deps.appId);
  const subscription = await deps.store.subscription(id);
  if (!subscription)
    throw new RelayError(404, `Subscription ${id} does not exist (or was removed already).`, 'id');
  if (subscription.portalId !== owner.portalId) {
    throw new RelayError(
      403,
      `Subscription ${id} belongs to another HubSpot portal than the access token's.`,
      'id',
    );
  }
  await deps.store.removeSubscription(id);
  return subscription;
}
