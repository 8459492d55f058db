import { randomBytes } from 'node:crypto';
import { OAUTH_ACCESS_TOKEN_TTL_S } from '../../hubspot/limits';
import { ALL_SCOPES } from '../../hubspot/scopes';
import type { Clock } from '../clock';
import { expiredAuthentication, invalidAuthentication } from '../errors';
import type { AuthContext } from '../http';

/**
 * Who may call the sandbox: private-app tokens (fixed scopes, no expiry) and OAuth access tokens (30 minutes,
 * renewed with a refresh token). https://developers.hubspot.com/docs/api/oauth-quickstart-guide
 */

export interface TokenRecord {
  kind: 'private' | 'oauth';
  appId: number;
  scopes: string[];
  userId: number;
  user: string;
  issuedAt: number;
  /** OAuth access tokens only. */
  expiresAt?: number;
  refreshToken?: string;
  revoked?: boolean;
}

export interface RefreshTokenRecord {
  appId: number;
  clientId: string;
  scopes: string[];
  userId: number;
  user: string;
  revoked?: boolean;
}

export interface OAuthApp {
  appId: number;
  clientId: string;
  clientSecret: string;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
}

export const SANDBOX_USER = { userId: 2001, user: 'sandbox.admin@example.com' };
export const PRIVATE_APP_ID = 3001;

const secret = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export class AuthStore {
  readonly tokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly oauthApps: OAuthApp[] = [];

  constructor(private readonly clock: Clock) {}

  /** A private-app token; every scope unless told otherwise. */
  createPrivateAppToken(options: { scopes?: readonly string[]; token?: string; appId?: number } = {}): string {
    const token = options.token ?? `pat-na1-sandbox-${randomBytes(12).toString('hex')}`;
    this.tokens.set(token, {
      kind: 'private',
      appId: options.appId ?? PRIVATE_APP_ID,
      scopes: [...(options.scopes ?? ALL_SCOPES)],
      ...SANDBOX_USER,
      issuedAt: this.clock.now(),
    });
    return token;
  }

  registerOAuthApp(app: Partial<OAuthApp> = {}): OAuthApp {
    const registered: OAuthApp = {
      appId: app.appId ?? 4001 + this.oauthApps.length,
      clientId: app.clientId ?? secret('sandbox-client-'),
      clientSecret: app.clientSecret ?? secret('sandbox-secret-'),
    };
    this.oauthApps.push(registered);
    return registered;
  }

  findOAuthApp(clientId: string): OAuthApp | undefined {
    return this.oauthApps.find((a) => a.clientId === clientId);
  }

  issueCode(clientId: string, redirectUri: string, scopes: string[]): string {
    const code = secret('sandbox-code-');
    this.codes.set(code, { clientId, redirectUri, scopes, expiresAt: this.clock.now() + 10 * 60_000 });
    return code;
  }

  /** Issues an access token (30 minutes) and, for a new grant, a refresh token. */
  issueOAuthTokens(app: OAuthApp, scopes: string[], refreshToken = secret('sandbox-refresh-')) {
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
    });
    if (!this.refreshTokens.has(refreshToken)) {
      this.refreshTokens.set(refreshToken, { appId: app.appId, clientId: app.clientId, scopes, ...SANDBOX_USER });
    }
    return { accessToken, refreshToken, expiresIn: OAUTH_ACCESS_TOKEN_TTL_S };
  }

  /** Reads `Authorization: Bearer <token>` and answers HubSpot's 401s for unknown and expired tokens. */
  authenticate(authorization: string | undefined): AuthContext {
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

  toJSON() {
    return {
      tokens: [...this.tokens],
      refreshTokens: [...this.refreshTokens],
      oauthApps: this.oauthApps,
    };
  }

  load(state: ReturnType<AuthStore['toJSON']>): void {
    for (const [k, v] of state.tokens) this.tokens.set(k, v);
    for (const [k, v] of state.refreshTokens) this.refreshTokens.set(k, v);
    for (const app of state.oauthApps) if (!this.findOAuthApp(app.clientId)) this.oauthApps.push(app);
  }
}
