import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { expiredAuthentication, fail, invalidAuthentication } from '../errors';
import { OAUTH_ACCESS_TOKEN_TTL_S } from '../facts/limits';
import { ALL_SCOPES } from '../facts/scopes';
import { APP_TOKEN_TTL_S } from '../facts/webhooksJournal';
import type { AuthContext } from '../http';

/**
 * Who may call the sandbox: private-app tokens (fixed scopes, no expiry), OAuth access tokens (30 minutes, renewed
 * with a refresh token; https://developers.hubspot.com/docs/api/oauth-quickstart-guide) and app tokens of the
 * client-credentials grant, which act as the app itself, for no portal, on the webhooks journal only
 * (https://developers.hubspot.com/docs/api-reference/latest/authentication/manage-oauth-tokens).
 */

export interface TokenRecord {
  kind: 'private' | 'oauth' | 'app';
  appId: number;
  scopes: string[];
  userId: number;
  user: string;
  issuedAt: number;
  /** OAuth access tokens only. */
  expiresAt?: number;
  refreshToken?: string;
  revoked?: boolean;
  /** Marks the token a launcher printed (e.g. `cli`), so a restart with `--data` can reuse it. */
  label?: string;
}

export interface RefreshTokenRecord {
  appId: number;
  clientId: string;
  scopes: string[];
  userId: number;
  user: string;
  revoked?: boolean;
  label?: string;
}

export interface OAuthApp {
  appId: number;
  clientId: string;
  clientSecret: string;
  label?: string;
  /** The app's scope settings; without them any known scope may be asked either way. */
  scopeSettings?: ScopeSettings;
}

/**
 * HubSpot's three scope types of an app (https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/scopes,
 * https://developers.hubspot.com/changelog/advanced-auth-and-scope-settings-for-public-apps): required ones are always
 * in `scope`; a conditionally required one may be in `scope` only; an optional one in `optional_scope` only.
 */
export interface ScopeSettings {
  required: string[];
  conditionallyRequired: string[];
  optional: string[];
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export const SANDBOX_USER = { userId: 2001, user: 'sandbox.admin@example.com' };
export const PRIVATE_APP_ID = 3001;
const FIRST_OAUTH_APP_ID = 4001;
/** Authorization codes are single-use and short-lived; 10 minutes is the sandbox's choice (HubSpot: UNVERIFIED). */
const AUTH_CODE_TTL_MS = 10 * 60_000;

const secret = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export class AuthStore {
  readonly tokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly oauthApps: OAuthApp[] = [];
  /**
   * The developer account's API key (`?hapikey=`), which HubSpot's webhooks v3 management API takes; one for every
   * app of the account. https://developers.hubspot.com/docs/api/webhooks
   */
  developerApiKey = secret('sandbox-devkey-');

  constructor(private readonly clock: Clock) {}

  /** A private-app token; every scope unless told otherwise. */
  createPrivateAppToken(
    options: { scopes?: readonly string[]; token?: string; appId?: number; label?: string } = {},
  ): string {
    const token = options.token ?? `pat-na1-sandbox-${randomBytes(12).toString('hex')}`;
    this.tokens.set(token, {
      kind: 'private',
      appId: options.appId ?? PRIVATE_APP_ID,
      scopes: [...(options.scopes ?? ALL_SCOPES)],
      ...SANDBOX_USER,
      issuedAt: this.clock.now(),
      ...(options.label ? { label: options.label } : {}),
    });
    return token;
  }

  registerOAuthApp(app: Partial<OAuthApp> = {}): OAuthApp {
    const highest = Math.max(FIRST_OAUTH_APP_ID - 1, ...this.oauthApps.map((a) => a.appId));
    const registered: OAuthApp = {
      appId: app.appId ?? highest + 1,
      clientId: app.clientId ?? secret('sandbox-client-'),
      clientSecret: app.clientSecret ?? secret('sandbox-secret-'),
      ...(app.label ? { label: app.label } : {}),
      ...(app.scopeSettings ? { scopeSettings: app.scopeSettings } : {}),
    };
    this.oauthApps.push(registered);
    return registered;
  }

  findOAuthApp(clientId: string): OAuthApp | undefined {
    return this.oauthApps.find((a) => a.clientId === clientId);
  }

  issueCode(clientId: string, redirectUri: string, scopes: string[]): string {
    const code = secret('sandbox-code-');
    this.codes.set(code, { clientId, redirectUri, scopes, expiresAt: this.clock.now() + AUTH_CODE_TTL_MS });
    return code;
  }

  /** Takes an authorization code: it works once, and not after it expired. */
  redeemCode(code: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt <= this.clock.now()) return undefined;
    return grant;
  }

  /**
   * Issues an access token (30 minutes) and, for a new grant, a refresh token. Refreshing keeps the refresh token,
   * as HubSpot does (https://developers.hubspot.com/docs/api-reference/legacy/authentication/manage-oauth-tokens).
   */
  issueOAuthTokens(
    app: OAuthApp,
    scopes: string[],
    refreshToken = secret('sandbox-refresh-'),
    label?: string,
  ): IssuedTokens {
    const accessToken = secret('sandbox-access-');
    const now = this.clock.now();
    this.tokens.set(accessToken, {
      kind: 'oauth',
      appId: app.appId,
      scopes,
      ...SANDBOX_USER,
      issuedAt: now,
      expiresAt: now + OAUTH_ACCESS_TOKEN_TTL_S * 1000,
      refreshToken,
      ...(label ? { label } : {}),
    });
    if (!this.refreshTokens.has(refreshToken)) {
      this.refreshTokens.set(refreshToken, {
        appId: app.appId,
        clientId: app.clientId,
        scopes,
        ...SANDBOX_USER,
        ...(label ? { label } : {}),
      });
    }
    return { accessToken, refreshToken, expiresIn: OAUTH_ACCESS_TOKEN_TTL_S };
  }

  /** An app token (client-credentials grant): no refresh token, no portal, no user behind it. */
  issueAppToken(app: OAuthApp, scopes: string[]): { accessToken: string; expiresIn: number } {
    const accessToken = secret('sandbox-app-');
    const now = this.clock.now();
    this.tokens.set(accessToken, {
      kind: 'app',
      appId: app.appId,
      scopes,
      ...SANDBOX_USER,
      issuedAt: now,
      expiresAt: now + APP_TOKEN_TTL_S * 1000,
    });
    return { accessToken, expiresIn: APP_TOKEN_TTL_S };
  }

  /**
   * Whether the app is installed in this portal: a user granted it an authorization code at some point (an OAuth
   * access or refresh token of that app exists, revoked or not, as an uninstall is not emulated).
   */
  hasInstalled(appId: number): boolean {
    for (const record of this.tokens.values())
      if (record.kind === 'oauth' && record.appId === appId) return true;
    for (const record of this.refreshTokens.values()) if (record.appId === appId) return true;
    return false;
  }

  /** A new access token for a live refresh token of this app, or undefined (HubSpot's BAD_REFRESH_TOKEN). */
  refresh(app: OAuthApp, refreshToken: string): IssuedTokens | undefined {
    const record = this.liveRefreshToken(refreshToken);
    if (!record || record.clientId !== app.clientId) return undefined;
    return this.issueOAuthTokens(app, record.scopes, refreshToken, record.label);
  }

  /** An OAuth access token's record, whatever its state (callers decide how to answer expiry). */
  oauthAccessToken(token: string): TokenRecord | undefined {
    const record = this.tokens.get(token);
    return record?.kind === 'oauth' && !record.revoked ? record : undefined;
  }

  liveRefreshToken(token: string): RefreshTokenRecord | undefined {
    const record = this.refreshTokens.get(token);
    return record && !record.revoked ? record : undefined;
  }

  /** Revokes a refresh token; access tokens already issued keep working until they expire, as on HubSpot. */
  revokeRefreshToken(token: string): boolean {
    const record = this.liveRefreshToken(token);
    if (!record) return false;
    record.revoked = true;
    return true;
  }

  /** Revokes an OAuth access token at once (the 2026-03 revoke endpoint). */
  revokeAccessToken(token: string): boolean {
    const record = this.oauthAccessToken(token);
    if (!record) return false;
    record.revoked = true;
    return true;
  }

  /** Seconds until an access token expires (negative once expired). */
  secondsLeft(record: TokenRecord): number {
    return Math.floor(((record.expiresAt ?? Number.POSITIVE_INFINITY) - this.clock.now()) / 1000);
  }

  /** The labelled private-app token, if one survives (restart with `--data`). */
  labelledPrivateToken(label: string): string | undefined {
    for (const [token, record] of this.tokens) {
      if (record.kind === 'private' && record.label === label && !record.revoked) return token;
    }
    return undefined;
  }

  /** The labelled OAuth app and its live refresh token, if both survive. */
  labelledOAuthGrant(label: string): { app: OAuthApp; refreshToken: string } | undefined {
    const app = this.oauthApps.find((a) => a.label === label);
    if (!app) return undefined;
    for (const [refreshToken, record] of this.refreshTokens) {
      if (record.clientId === app.clientId && record.label === label && !record.revoked)
        return { app, refreshToken };
    }
    return undefined;
  }

  /**
   * Reads `Authorization: Bearer <token>` and answers HubSpot's 401s for unknown and expired tokens. An app token
   * (client credentials) is refused here: it acts for no portal, so it reaches no CRM data.
   */
  authenticate(authorization: string | undefined): AuthContext {
    const context = this.authenticateAny(authorization);
    if (context.kind === 'app') throw appTokenElsewhere();
    return context;
  }

  /** The webhooks journal's auth: only an app token of the client-credentials grant, HubSpot's 401 otherwise. */
  authenticateApp(authorization: string | undefined): AuthContext {
    const context = this.authenticateAny(authorization);
    if (context.kind !== 'app') throw userTokenOnJournal();
    return context;
  }

  private authenticateAny(authorization: string | undefined): AuthContext {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
    const record = token ? this.tokens.get(token) : undefined;
    if (!token || !record || record.revoked) throw invalidAuthentication();
    if (record.expiresAt !== undefined && record.expiresAt <= this.clock.now()) {
      throw expiredAuthentication((this.clock.now() - record.expiresAt) / 1000);
    }
    return {
      token,
      kind: record.kind,
      appId: record.appId,
      scopes: new Set(record.scopes),
      userId: record.userId,
      user: record.user,
    };
  }

  /** Checks `?hapikey=` against the developer API key; HubSpot's 401 otherwise. */
  authenticateDeveloper(hapikey: string | undefined): void {
    if (!hapikey || hapikey !== this.developerApiKey) throw invalidAuthentication();
  }

  toJSON() {
    return {
      tokens: [...this.tokens],
      refreshTokens: [...this.refreshTokens],
      oauthApps: this.oauthApps,
      developerApiKey: this.developerApiKey,
    };
  }

  load(state: ReturnType<AuthStore['toJSON']>): void {
    // Absent in state saved before webhooks existed.
    if (state.developerApiKey) this.developerApiKey = state.developerApiKey;
    for (const [k, v] of state.tokens) this.tokens.set(k, v);
    for (const [k, v] of state.refreshTokens) this.refreshTokens.set(k, v);
    for (const app of state.oauthApps) if (!this.findOAuthApp(app.clientId)) this.oauthApps.push(app);
  }
}

/** HubSpot's wording for these two refusals is UNVERIFIED; the category is its 401's. */
const appTokenElsewhere = () =>
  fail(
    401,
    'This is an app token from the client_credentials grant: it is accepted by the webhooks journal endpoints (/webhooks-journal/...) only. Call this endpoint with a private-app or OAuth access token.',
    'INVALID_AUTHENTICATION',
  );
const userTokenOnJournal = () =>
  fail(
    401,
    'The webhooks journal endpoints take an app token from POST /oauth/v1/token with grant_type=client_credentials, not a private-app or OAuth user token.',
    'INVALID_AUTHENTICATION',
  );
