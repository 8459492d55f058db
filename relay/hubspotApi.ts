import { paths } from '../hubspot/paths';
import type { RelayConfig } from './config';

/**
 * The relay's few calls to HubSpot, over plain `fetch` against `HUBSPOT_BASE_URL` (the sandbox or HubSpot alike).
 * Errors carry the status and HubSpot's message, never a token: the introspection URL holds the user's token, so no
 * URL is ever put in an error or a log.
 */

const TIMEOUT_MS = 10_000;
const JOURNAL_VERSION = '2026-03';

export class HubSpotCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HubSpotCallError';
  }
}

/** What `GET /oauth/v1/access-tokens/{token}` says of a user's token (the fields the relay uses). */
export interface TokenInfo {
  portalId: number;
  scopes: string[];
  appId?: number;
}

export interface JournalEntry {
  currentOffset: string;
  url: string;
}

/** An install-specific journal subscription, as the relay writes and reads it. */
export interface JournalSubscriptionSpec {
  subscriptionType: 'OBJECT' | 'ASSOCIATION' | 'LIST_MEMBERSHIP';
  portalId: number;
  objectTypeId: string;
  actions: string[];
  properties: string[];
  listIds?: number[];
}

export interface JournalSubscriptionFound extends JournalSubscriptionSpec {
  id: number;
}

export interface AppSubscription {
  id?: number;
  eventType: string;
  propertyName?: string;
  objectTypeId?: string;
  active?: boolean;
}

async function hubspotMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => undefined)) as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : `HTTP ${res.status}`;
}

export class HubSpotApi {
  private appToken: { token: string; expiresAt: number; scopes: string } | undefined;

  constructor(
    private readonly config: RelayConfig,
    private readonly fetcher: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  private async call(path: string, init: RequestInit, what: string): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetcher(`${this.config.hubspotBaseUrl}${path}`, {
        ...init,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new HubSpotCallError(0, `${what}: HubSpot could not be reached (${(error as Error).name})`);
    }
    if (!res.ok && res.status !== 204) {
      throw new HubSpotCallError(
        res.status,
        `${what}: HubSpot answered ${res.status}: ${await hubspotMessage(res)}`,
      );
    }
    return res;
  }

  /**
   * The portal and scopes of a user's access token.
   * https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/get-oauth-token-metadata
   */
  async introspect(accessToken: string): Promise<TokenInfo> {
    const res = await this.call(
      `/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`,
      { method: 'GET' },
      'Reading the access token',
    );
    const body = (await res.json()) as { hub_id?: unknown; scopes?: unknown; app_id?: unknown };
    const portalId = Number(body.hub_id);
    if (!Number.isSafeInteger(portalId))
      throw new HubSpotCallError(502, 'HubSpot named no portal for the token');
    return {
      portalId,
      scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : [],
      ...(typeof body.app_id === 'number' ? { appId: body.app_id } : {}),
    };
  }

  /**
   * A custom object's objectTypeId from its name (`p_orders`), read with the user's token.
   * https://developers.hubspot.com/docs/api/crm/crm-custom-objects; undefined when the portal has no such type
   * (404, or the 400 "Unable to infer object type" HubSpot answers for a name it cannot place).
   */
  async customObjectTypeId(accessToken: string, name: string): Promise<string | undefined> {
    try {
      const res = await this.call(
        paths.schemas.one(name),
        { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } },
        `Reading the ${name} object type`,
      );
      const body = (await res.json()) as { objectTypeId?: unknown };
      return typeof body.objectTypeId === 'string' ? body.objectTypeId : undefined;
    } catch (error) {
      if (error instanceof HubSpotCallError && (error.status === 404 || error.status === 400))
        return undefined;
      throw error;
    }
  }

  /**
   * The object type id of a list's members (`0-1`), read with the user's token; undefined when the portal has no such
   * list (404). https://developers.hubspot.com/docs/api/crm/lists (`GET /crm/v3/lists/{listId}` → `{list: {…}}`).
   */
  async listObjectTypeId(accessToken: string, listId: string): Promise<string | undefined> {
    try {
      const res = await this.call(
        paths.lists.one(listId),
        { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } },
        `Reading list ${listId}`,
      );
      const body = (await res.json()) as { list?: { objectTypeId?: unknown } };
      return typeof body.list?.objectTypeId === 'string' ? body.list.objectTypeId : undefined;
    } catch (error) {
      if (error instanceof HubSpotCallError && error.status === 404) return undefined;
      throw error;
    }
  }

  private developerQuery(): string {
    const { developerApiKey } = this.config;
    if (!developerApiKey)
      throw new Error('HUBSPOT_DEVELOPER_API_KEY is required to manage the app webhooks.');
    return `hapikey=${encodeURIComponent(developerApiKey)}`;
  }

  private appPath(rest: string): string {
    if (this.config.appId === undefined)
      throw new Error('HUBSPOT_APP_ID is required to manage the app webhooks.');
    return `/webhooks/v3/${this.config.appId}${rest}?${this.developerQuery()}`;
  }

  /** Points the app's webhooks at the relay. https://developers.hubspot.com/docs/api/webhooks (settings). */
  async setTargetUrl(targetUrl: string): Promise<void> {
    await this.call(
      this.appPath('/settings'),
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        // 10 is HubSpot's default concurrency.
        body: JSON.stringify({ targetUrl, throttling: { maxConcurrentRequests: 10, period: 'SECONDLY' } }),
      },
      'Setting the webhook target URL',
    );
  }

  async appSubscriptions(): Promise<AppSubscription[]> {
    const res = await this.call(
      this.appPath('/subscriptions'),
      { method: 'GET' },
      'Listing webhook subscriptions',
    );
    return ((await res.json()) as { results?: AppSubscription[] }).results ?? [];
  }

  /** Turns a paused app subscription on. */
  async activateAppSubscription(id: number): Promise<void> {
    await this.call(
      this.appPath(`/subscriptions/${id}`),
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ active: true }),
      },
      `Activating webhook subscription ${id}`,
    );
  }

  /** Creates an active app subscription (they start paused otherwise). */
  async createAppSubscription(subscription: AppSubscription): Promise<void> {
    await this.call(
      this.appPath('/subscriptions'),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...subscription, active: true }),
      },
      `Subscribing the app to ${subscription.eventType}`,
    );
  }

  /**
   * An app token for the journal: the client-credentials grant with the journal scopes and the object scopes of
   * what is read. https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide
   */
  async journalToken(objectScopes: readonly string[]): Promise<string> {
    const scopes = [
      'developer.webhooks_journal.read',
      'developer.webhooks_journal.subscriptions.read',
      'developer.webhooks_journal.subscriptions.write',
      ...new Set(objectScopes),
    ].join(' ');
    if (this.appToken && this.appToken.scopes === scopes && this.appToken.expiresAt > this.now() + 60_000) {
      return this.appToken.token;
    }
    const { clientId, clientSecret } = this.config;
    if (!clientId || !clientSecret) {
      throw new Error(
        'HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are required to read the webhooks journal.',
      );
    }
    const res = await this.call(
      '/oauth/v1/token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: scopes,
        }).toString(),
      },
      'Getting a client-credentials token',
    );
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new HubSpotCallError(502, 'HubSpot sent no client-credentials token');
    this.appToken = {
      token: body.access_token,
      expiresAt: this.now() + (body.expires_in ?? 1800) * 1000,
      scopes,
    };
    return body.access_token;
  }

  /**
   * A 401 on a journal call means HubSpot no longer takes the kept app token (expired by HubSpot's clock, or
   * revoked) whatever our clock says: the next call gets a new one instead of failing until our expiry passes.
   */
  private forgetRefusedAppToken(error: unknown): void {
    if (error instanceof HubSpotCallError && error.status === 401) this.appToken = undefined;
  }

  /** Creates or updates the install-specific journal subscription of one portal and object type. */
  async upsertJournalSubscription(
    token: string,
    subscription: JournalSubscriptionSpec,
  ): Promise<number | undefined> {
    const res = await this.journalCall(
      `/webhooks-journal/subscriptions/${JOURNAL_VERSION}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ objectIds: [], ...subscription }),
      },
      `Subscribing portal ${subscription.portalId} in the journal`,
    );
    const body = (await res.json().catch(() => undefined)) as { id?: unknown } | undefined;
    return typeof body?.id === 'number' ? body.id : undefined;
  }

  /**
   * The app's journal subscriptions of one portal (`GET /webhooks-journal/subscriptions/2026-03` answers every portal's,
   * unpaged: https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/subscriptions/get-subscriptions).
   */
  async journalSubscriptions(token: string, portalId: number): Promise<JournalSubscriptionFound[]> {
    const res = await this.journalCall(
      `/webhooks-journal/subscriptions/${JOURNAL_VERSION}`,
      { method: 'GET', headers: { authorization: `Bearer ${token}` } },
      `Listing portal ${portalId}'s journal subscriptions`,
    );
    const results = ((await res.json()) as { results?: Array<Record<string, unknown>> }).results ?? [];
    return results
      .filter((r) => Number(r.portalId) === portalId && typeof r.id === 'number')
      .map((r) => ({
        id: r.id as number,
        subscriptionType: String(r.subscriptionType) as JournalSubscriptionSpec['subscriptionType'],
        portalId,
        objectTypeId: String(r.objectTypeId ?? ''),
        actions: Array.isArray(r.actions) ? r.actions.map(String) : [],
        properties: Array.isArray(r.properties) ? r.properties.map(String) : [],
        ...(Array.isArray(r.listIds) ? { listIds: r.listIds.map(Number) } : {}),
      }));
  }

  /** `DELETE /webhooks-journal/subscriptions/2026-03/{subscriptionId}` (answered 204). */
  async deleteJournalSubscription(token: string, id: number): Promise<void> {
    await this.journalCall(
      `/webhooks-journal/subscriptions/${JOURNAL_VERSION}/${id}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${token}` } },
      `Removing journal subscription ${id}`,
    );
  }

  private async journalCall(path: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await this.call(path, init, what);
    } catch (error) {
      this.forgetRefusedAppToken(error);
      throw error;
    }
  }

  /**
   * The portal's journal entry after `offset`, or its earliest (no offset), or its latest. `caught-up` when HubSpot
   * answers 204; `not-found` for its 404, which it answers both when nothing follows the offset and when the offset
   * is older than the journal's 3 days.
   * https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide
   */
  async journalEntry(
    token: string,
    portalId: number,
    at: { after: string } | 'earliest' | 'latest',
  ): Promise<JournalEntry | 'caught-up' | 'not-found'> {
    const where = typeof at === 'string' ? at : `offset/${encodeURIComponent(at.after)}/next`;
    let res: Response;
    try {
      res = await this.journalCall(
        `/webhooks-journal/journal-local/${JOURNAL_VERSION}/${where}?installPortalId=${portalId}`,
        { method: 'GET', headers: { authorization: `Bearer ${token}` } },
        `Reading portal ${portalId}'s journal`,
      );
    } catch (error) {
      if (error instanceof HubSpotCallError && error.status === 404) return 'not-found';
      throw error;
    }
    if (res.status === 204) return 'caught-up';
    const body = (await res.json()) as Partial<JournalEntry>;
    if (!body.currentOffset || !body.url) return 'caught-up';
    return { currentOffset: body.currentOffset, url: body.url };
  }

  /** The entry's file: a pre-signed URL, fetched without the Authorization header, as HubSpot says. */
  async journalFile(url: string): Promise<unknown> {
    let res: Response;
    try {
      res = await this.fetcher(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new HubSpotCallError(0, `Downloading a journal file failed (${(error as Error).name})`);
    }
    if (!res.ok) throw new HubSpotCallError(res.status, `Downloading a journal file: HTTP ${res.status}`);
    return res.json();
  }
}
