import { createHash, randomUUID } from 'node:crypto';
import { expiredAuthentication, fail, validationError } from '../errors';
import { ALL_SCOPES } from '../facts/scopes';
import { ALL_JOURNAL_SCOPES } from '../facts/webhooksJournal';
import { json, noContent, type SandboxRequest, type SandboxResponse } from '../http';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { OAuthApp, TokenRecord } from '../state/auth';

/**
 * OAuth as HubSpot serves it (hubspot-api.md §6.1). v1
 * (https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/guide, deprecated on
 * 2027-02-16) and its successor v3 = 2026-03
 * (https://developers.hubspot.com/docs/api-reference/latest/authentication/manage-oauth-tokens): the same token grants,
 * but every parameter in the form body, token metadata by `POST …/token/introspect` (RFC 7662) and revocation by
 * `POST …/token/revoke` (RFC 7009). The dated alias `/oauth/2026-03/...` reaches the v3 routes through the path-family
 * rewrite (`facts/pathFamilies.ts`). Authorization grants at once (no consent screen): tests follow the redirect.
 */
export function oauthRoutes(router: Router): void {
  const open = { auth: 'none', lane: 'none' } as const;
  router.get('/oauth/authorize', open, authorize);
  router.post('/oauth/v1/token', open, (req, portal) => answerRefusals(() => token(req, portal)));
  router.post('/oauth/v3/token', open, (req, portal) =>
    answerRefusals(() => token(req, portal, { bodyOnly: true })),
  );
  router.post('/oauth/v3/token/introspect', open, (req, portal) =>
    answerRefusals(() => introspect(req, portal)),
  );
  router.post('/oauth/v3/token/revoke', open, (req, portal) => answerRefusals(() => revoke(req, portal)));
  router.get('/oauth/v1/access-tokens/:token', open, accessTokenInfo);
  router.get('/oauth/v1/refresh-tokens/:token', open, refreshTokenInfo);
  router.delete('/oauth/v1/refresh-tokens/:token', open, (req, portal) => {
    if (!portal.auth.revokeRefreshToken(req.params.token!)) throw unknownToken('refresh');
    return noContent();
  });
}

/** `GET /oauth/authorize?client_id&redirect_uri&scope&optional_scope&state` → 302 to redirect_uri with code, state. */
function authorize(req: SandboxRequest, portal: Portal): SandboxResponse {
  const clientId = req.query.get('client_id') ?? '';
  const redirectUri = req.query.get('redirect_uri') ?? '';
  const app = portal.auth.findOAuthApp(clientId);
  // HubSpot shows an error page here; the sandbox answers its usual 400 envelope (body UNVERIFIED).
  if (!app)
    throw validationError(`Unknown client_id '${clientId}': no app is registered with this client id.`);
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    throw validationError(`redirect_uri must be an absolute URL, got '${redirectUri}'.`);
  }
  const required = scopeList(req.query.get('scope'));
  const asked = scopeList(req.query.get('optional_scope'));
  checkScopes(required, asked, app);
  // Optional scopes are granted when the sandbox knows them, as if the installing user's account had them.
  const optional = asked.filter((s) => ALL_SCOPES.includes(s));
  const scopes = [...new Set([...required, ...optional])];
  target.searchParams.set('code', portal.auth.issueCode(app.clientId, redirectUri, scopes));
  const state = req.query.get('state');
  if (state !== undefined) target.searchParams.set('state', state);
  return { status: 302, headers: { location: target.toString() }, raw: '' };
}

/**
 * What HubSpot refuses in an authorize URL (https://developers.hubspot.com/docs/api/oauth-quickstart-guide): an
 * unknown required scope, a scope listed both as required and as optional, and, for an app with scope settings, a
 * scope asked otherwise than its type allows (https://developers.hubspot.com/changelog/advanced-auth-and-scope-settings-for-public-apps).
 */
function checkScopes(required: string[], optional: string[], app: OAuthApp): void {
  const unknown = required.filter((s) => !ALL_SCOPES.includes(s));
  if (unknown.length > 0) throw validationError(`Unknown scopes requested: ${unknown.join(', ')}.`);
  const both = required.filter((s) => optional.includes(s));
  if (both.length > 0)
    throw validationError(
      `Scopes listed in both scope and optional_scope: ${both.join(', ')}. A scope is either required or optional.`,
    );
  const settings = app.scopeSettings;
  if (!settings) return;
  const absent = settings.required.filter((s) => !required.includes(s));
  if (absent.length > 0)
    throw validationError(`The app's required scopes must all be in scope; missing: ${absent.join(', ')}.`);
  const notRequired = required.filter(
    (s) => !settings.required.includes(s) && !settings.conditionallyRequired.includes(s),
  );
  if (notRequired.length > 0)
    throw validationError(
      `The app's scope settings list these neither as required nor as conditionally required, so they cannot be in scope: ${notRequired.join(', ')}.`,
    );
  const notOptional = optional.filter((s) => !settings.optional.includes(s));
  if (notOptional.length > 0)
    throw validationError(
      `The app's scope settings do not list these as optional, so they cannot be in optional_scope: ${notOptional.join(', ')}.`,
    );
}

/** The form fields of the token endpoints (`application/x-www-form-urlencoded`). */
type TokenForm = Partial<
  Record<
    | 'grant_type'
    | 'client_id'
    | 'client_secret'
    | 'redirect_uri'
    | 'code'
    | 'refresh_token'
    | 'token'
    | 'token_type_hint'
    | 'scope',
    string
  >
>;

/** Parameters v3 takes only from the body, so secrets never sit in a URL that logs keep. */
const BODY_ONLY = ['client_id', 'client_secret', 'code', 'refresh_token', 'token'];

function formOf(req: SandboxRequest, options: { bodyOnly?: boolean } = {}): TokenForm {
  if (options.bodyOnly) {
    const inQuery = BODY_ONLY.filter((name) => req.query.has(name));
    if (inQuery.length > 0) {
      throw new OAuthRefusal(
        'INVALID_REQUEST',
        `${inQuery.join(', ')} must be sent in the form body, not in the query string`,
      );
    }
  }
  return (req.body && typeof req.body === 'object' ? req.body : {}) as TokenForm;
}

/** The app the form's client id and secret name; OAuth's 400 otherwise. */
function clientOf(portal: Portal, form: TokenForm): OAuthApp {
  const app = portal.auth.findOAuthApp(form.client_id ?? '');
  if (!app) throw new OAuthRefusal('BAD_CLIENT_ID', 'missing or unknown client id');
  if (form.client_secret !== app.clientSecret) {
    throw new OAuthRefusal('BAD_CLIENT_SECRET', 'missing or invalid client secret');
  }
  return app;
}

function token(req: SandboxRequest, portal: Portal, options: { bodyOnly?: boolean } = {}): SandboxResponse {
  const form = formOf(req, options);
  const grantType = form.grant_type;
  if (
    grantType !== 'authorization_code' &&
    grantType !== 'refresh_token' &&
    grantType !== 'client_credentials'
  ) {
    throw new OAuthRefusal(
      'BAD_GRANT_TYPE',
      `grant_type must be authorization_code, refresh_token or client_credentials`,
    );
  }
  const app = clientOf(portal, form);
  if (grantType === 'client_credentials') return clientCredentials(portal, app, form.scope);
  if (grantType === 'refresh_token') {
    const issued = portal.auth.refresh(app, form.refresh_token ?? '');
    if (!issued) throw new OAuthRefusal('BAD_REFRESH_TOKEN', 'missing or invalid refresh token');
    return tokenAnswer(portal, issued, portal.auth.liveRefreshToken(issued.refreshToken)!.scopes);
  }
  const grant = portal.auth.redeemCode(form.code ?? '');
  if (!grant || grant.clientId !== app.clientId) {
    throw new OAuthRefusal('BAD_AUTH_CODE', 'missing or unknown auth code');
  }
  if (grant.redirectUri !== form.redirect_uri) {
    throw new OAuthRefusal('BAD_REDIRECT_URI', 'redirect_uri does not match the one the code was issued for');
  }
  return tokenAnswer(portal, portal.auth.issueOAuthTokens(app, grant.scopes), grant.scopes);
}

/**
 * The client-credentials grant, which the webhooks journal takes
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide#authentication-and-scopes): an app
 * token, no refresh token, no portal. `scope` lists the journal scopes (and object scopes) wanted, space-separated;
 * without it (`@hubspot/api-client` 14's `tokensApi.create` cannot send one) the sandbox grants every journal scope,
 * as if the app's settings listed them. The answer's fields are those of the SDK's `ClientCredentialsTokenResponse`
 * (`token_use: "client_credentials"`, no `hub_id`).
 */
function clientCredentials(portal: Portal, app: OAuthApp, scope: string | undefined): SandboxResponse {
  const asked = scopeList(scope);
  const scopes = asked.length > 0 ? asked : [...ALL_JOURNAL_SCOPES];
  const unknown = scopes.filter((s) => !ALL_JOURNAL_SCOPES.includes(s) && !ALL_SCOPES.includes(s));
  if (unknown.length > 0) {
    throw new OAuthRefusal(
      'BAD_SCOPES',
      `scope has unknown scopes (${unknown.join(', ')}); allowed: ${ALL_JOURNAL_SCOPES.join(', ')} and object scopes such as crm.objects.contacts.read`,
    );
  }
  const issued = portal.auth.issueAppToken(app, scopes);
  return json(200, {
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    token_type: 'bearer',
    scopes,
    token_use: 'client_credentials',
  });
}

function tokenAnswer(
  portal: Portal,
  issued: { accessToken: string; refreshToken: string; expiresIn: number },
  scopes: string[],
): SandboxResponse {
  const record = portal.auth.tokens.get(issued.accessToken)!;
  return json(200, {
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
    expires_in: issued.expiresIn,
    token_type: 'bearer',
    hub_id: portal.info.portalId,
    user_id: record.userId,
    scopes,
    token_use: 'access_token',
  });
}

/**
 * `GET /oauth/v1/access-tokens/{token}`, with the fields of HubSpot's reference
 * (https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/get-oauth-token-metadata):
 * `token`, `is_private_distribution` and the `signed_access_token` object. HubSpot's answer for an expired or unknown
 * token is UNVERIFIED: the sandbox answers an expired token like an API call with it (401 EXPIRED_AUTHENTICATION) and
 * an unknown one with 404.
 */
function accessTokenInfo(req: SandboxRequest, portal: Portal): SandboxResponse {
  const token = req.params.token!;
  const record = portal.auth.oauthAccessToken(token);
  if (!record) throw unknownToken('access');
  const secondsLeft = portal.auth.secondsLeft(record);
  if (secondsLeft <= 0) throw expiredAuthentication(-secondsLeft);
  return json(200, {
    token,
    ...installation(portal, record),
    app_id: record.appId,
    expires_in: secondsLeft,
    token_type: 'access',
    is_private_distribution: false,
    signed_access_token: signedAccessToken(portal, token, record),
  });
}

/**
 * The reference types the scope and signature fields as opaque strings; the sandbox derives them from the token so
 * they are stable per token and carry no secret (HubSpot's own encoding is undocumented).
 */
function signedAccessToken(portal: Portal, token: string, record: TokenRecord) {
  const digest = (salt: string) => createHash('sha256').update(`${salt}:${token}`).digest('base64');
  return {
    appId: record.appId,
    expiresAt: record.expiresAt!,
    hubId: portal.info.portalId,
    hublet: 'na1',
    installingUserId: record.userId,
    isPrivateDistribution: false,
    isServiceAccount: false,
    isUserLevel: false,
    newSignature: digest('new-signature'),
    scopeToScopeGroupPks: digest('scope-groups'),
    scopes: digest('scopes'),
    signature: digest('signature'),
    trialScopeToScopeGroupPks: '',
    trialScopes: '',
    userId: record.userId,
  };
}

/**
 * `POST /oauth/v3/token/introspect` (RFC 7662): `{active: false}` for a token that is unknown, expired, revoked or
 * another app's; otherwise who and which portal it belongs to. Field names follow v1's token info (UNVERIFIED for v3
 * beyond `active`, `token_use`, `hub_id`, `app_id`, `client_id`, `scopes`, `expires_in`, `user`).
 */
function introspect(req: SandboxRequest, portal: Portal): SandboxResponse {
  const form = formOf(req, { bodyOnly: true });
  const app = clientOf(portal, form);
  const value = form.token ?? '';
  const access = form.token_type_hint === 'refresh_token' ? undefined : portal.auth.oauthAccessToken(value);
  const active = (tokenUse: string, record: Pick<TokenRecord, 'user' | 'userId' | 'scopes'>) => ({
    active: true,
    token_use: tokenUse,
    client_id: app.clientId,
    app_id: app.appId,
    ...installation(portal, record),
  });
  if (access && access.appId === app.appId && portal.auth.secondsLeft(access) > 0) {
    return json(200, {
      ...active('access_token', access),
      expires_in: portal.auth.secondsLeft(access),
      token_type: 'bearer',
    });
  }
  const refresh = portal.auth.liveRefreshToken(value);
  if (refresh && refresh.clientId === app.clientId) return json(200, active('refresh_token', refresh));
  return json(200, { active: false });
}

/**
 * `POST /oauth/v3/token/revoke` (RFC 7009): revokes the app's access or refresh token and answers 200 either way, so
 * a caller cannot probe which tokens exist. Revoking a refresh token leaves issued access tokens alive, as v1 did.
 */
function revoke(req: SandboxRequest, portal: Portal): SandboxResponse {
  const form = formOf(req, { bodyOnly: true });
  const app = clientOf(portal, form);
  const value = form.token ?? '';
  if (!value) throw new OAuthRefusal('INVALID_REQUEST', 'token is required');
  const access = portal.auth.oauthAccessToken(value);
  if (access?.appId === app.appId) portal.auth.revokeAccessToken(value);
  if (portal.auth.liveRefreshToken(value)?.clientId === app.clientId) portal.auth.revokeRefreshToken(value);
  return { status: 200, raw: '' };
}

function refreshTokenInfo(req: SandboxRequest, portal: Portal): SandboxResponse {
  const record = portal.auth.liveRefreshToken(req.params.token!);
  if (!record) throw unknownToken('refresh');
  return json(200, {
    token: req.params.token,
    ...installation(portal, record),
    client_id: record.clientId,
    token_type: 'refresh',
  });
}

function installation(portal: Portal, record: Pick<TokenRecord, 'user' | 'userId' | 'scopes'>) {
  return {
    user: record.user,
    hub_domain: portal.info.domain,
    scopes: record.scopes,
    hub_id: portal.info.portalId,
    user_id: record.userId,
  };
}

/** Body and status of an unknown token on the token-info endpoints: UNVERIFIED. */
const unknownToken = (kind: 'access' | 'refresh') =>
  fail(404, `The ${kind} token was not found, or it was revoked.`, 'OBJECT_NOT_FOUND');

export type OAuthRefusalStatus =
  | 'BAD_CLIENT_ID'
  | 'BAD_CLIENT_SECRET'
  | 'BAD_REFRESH_TOKEN'
  | 'BAD_AUTH_CODE'
  | 'BAD_REDIRECT_URI'
  | 'BAD_GRANT_TYPE'
  | 'BAD_SCOPES'
  | 'INVALID_REQUEST';

/** RFC 6749 `error` codes HubSpot added beside `status` in 2026 (community-reported; the mapping is the sandbox's). */
const RFC6749_ERROR: Record<OAuthRefusalStatus, string> = {
  BAD_CLIENT_ID: 'invalid_client',
  BAD_CLIENT_SECRET: 'invalid_client',
  BAD_REFRESH_TOKEN: 'invalid_grant',
  BAD_AUTH_CODE: 'invalid_grant',
  BAD_REDIRECT_URI: 'invalid_grant',
  BAD_GRANT_TYPE: 'unsupported_grant_type',
  BAD_SCOPES: 'invalid_scope',
  INVALID_REQUEST: 'invalid_request',
};

/**
 * The token endpoint's 400: `{status: 'BAD_…', message, correlationId}`, not the usual envelope. Messages for
 * BAD_AUTH_CODE ("missing or unknown auth code") and BAD_REFRESH_TOKEN ("missing or invalid refresh token") are
 * captured in several public integrations; the others are UNVERIFIED, as is whether `error`/`error_description`
 * appear on v1 (HubSpot's Jan-2026 changelog says they do).
 */
class OAuthRefusal extends Error {
  constructor(
    readonly status: OAuthRefusalStatus,
    message: string,
  ) {
    super(message);
  }

  toResponse(): SandboxResponse {
    return json(400, {
      status: this.status,
      message: this.message,
      correlationId: randomUUID(),
      error: RFC6749_ERROR[this.status],
      error_description: this.message,
    });
  }
}

function answerRefusals(run: () => SandboxResponse): SandboxResponse {
  try {
    return run();
  } catch (error) {
    if (error instanceof OAuthRefusal) return error.toResponse();
    throw error;
  }
}

/** Scopes arrive space-separated (`+` in the query decodes to a space); commas are tolerated. */
function scopeList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}
