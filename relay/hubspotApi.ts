import { policyOf, retryAfterHeader } from '../hubspot/classify';
import { parseErrorBody } from '../hubspot/errorBody';
import { paths } from '../hubspot/paths';
import { jitterRateWait, rateLimitWaitMs } from '../hubspot/retry';
import type { RelayConfig } from './config';

/**
 * The relay's few calls to HubSpot, over plain `fetch` against `HUBSPOT_BASE_URL` (the sandbox or HubSpot alike).
 * Errors carry the status and HubSpot's message, never a token: the introspection URL holds the user's token, so no
 * URL is ever put in an error or a log.
 *
 * A 429 was not processed, so any call may wait and repeat it: as long as HubSpot's `Retry-After` or the window of
 * the 429's `policyName` says (the core's reading, `hubspot/retry.ts`), within `CALL_BUDGET_MS`; a spent daily quota
 * is not waited for. A 5xx or a lost connection is repeated only for calls that are safe to repeat (reads, upserts,
 * the token grant), after a short backoff. https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 * The core's `HubSpotClient` is not used: it is built per Zapier or Make step (a 30 s budget from construction) and
 * its error table speaks to the step's user ("reconnect your HubSpot account"), not to the relay's operator.
 */

const TIMEOUT_MS = 10_000;
/** The most one call spends, waits included: a subscribe made from a Zapier step has to answer within its 30 s. */
export const CALL_BUDGET_MS = 12_000;
const MAX_ATTEMPTS = 3;
const TRANSIENT_BACKOFF_MS = 500;
/** The pause before attempt `attempt + 1` after a 5xx or a lost connection: 0.5 s, then 1 s. */
const pause = (attempt: number) => TRANSIENT_BACKOFF_MS * attempt;
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

const headerRecord = (res: Response): Record<string, string> => Object.fromEntries(res.headers.entries());

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** HubSpot's answer to a refused call, read once: its message, and for a 429 how long to wait (none: daily quota). */
async function refusal(res: Response): Promise<{ message: string; waitMs?: number; policy?: string }> {
  const body = (await res.json().catch(() => undefined)) as unknown;
  const parsed = parseErrorBody(body);
  const message = parsed.message ?? `HTTP ${res.status}`;
  if (res.status !== 429) return { message };
  const policy = policyOf(parsed);
  const headers = headerRecord(res);
  const interval = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
  const waitMs = rateLimitWaitMs({
    lane: 'burst',
    ...(policy ? { policyName: policy } : {}),
    ...(retryAfterHeader(headers) !== undefined ? { retryAfterSeconds: retryAfterHeader(headers) } : {}),
    ...(Number.isFinite(interval) && interval > 0 ? { intervalMs: interval } : {}),
  });
  return { message, ...(waitMs !== undefined ? { waitMs } : {}), ...(policy ? { policy } : {}) };
}

export class HubSpotApi {
  private appToken: { token: string; expiresAt: number; scopes: string } | undefined;

  constructor(
    private readonly config: RelayConfig,
    private readonly fetcher: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
    /** Waits between attempts (tests pass one that records and returns at once). */
    private readonly sleep: (ms: number) => Promise<void> = sleepFor,
  ) {}

  /** One call, repeated after a 429 within the budget, and after a 5xx or a lost connection when `safe` to repeat. */
  private async call(
    path: string,
    init: RequestInit,
    what: string,
    safe: boolean = init.method !== 'POST',
  ): Promise<Response> {
    let spent = 0;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= MAX_ATTEMPTS;
      let res: Response;
      try {
        res = await this.fetcher(`${this.config.hubspotBaseUrl}${path}`, {
          ...init,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        if (safe && !last && spent + pause(attempt) <= CALL_BUDGET_MS) {
          spent += pause(attempt);
          await this.sleep(pause(attempt));
          continue;
        }
        throw new HubSpotCallError(0, `${what}: HubSpot could not be reached (${(error as Error).name})`);
      }
      if (res.ok || res.status === 204) return res;
      const { message, waitMs, policy } = await refusal(res);
      if (res.status === 429) {
        const wait = waitMs === undefined ? undefined : jitterRateWait(waitMs, Math.random);
        if (wait !== undefined && !last && spent + wait <= CALL_BUDGET_MS) {
          spent += wait;
          await this.sleep(wait);
          continue;
        }
        throw new HubSpotCallError(
          429,
          waitMs === undefined
            ? `${what}: HubSpot's daily API quota is spent (429 DAILY); calls resume when it resets: ${message}`
            : `${what}: HubSpot is rate limiting (429 ${policy ?? 'no policy named'}) longer than the relay waits in one call; try again: ${message}`,
        );
      }
      if (res.status >= 500 && safe && !last && spent + pause(attempt) <= CALL_BUDGET_MS) {
        spent += pause(attempt);
        await this.sleep(pause(attempt));
        continue;
      }
      throw new HubSpotCallError(res.status, `${what}: HubSpot answered ${res.status}: ${message}`);
    }
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
      true,
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
      // An upsert: repeating it leaves the same subscription.
      true,
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

  private async journalCall(
    path: string,
    init: RequestInit,
    what: string,
    safe?: boolean,
  ): Promise<Response> {
    try {
      return await this.call(path, init, what, safe);
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
