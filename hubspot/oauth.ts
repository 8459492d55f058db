import { errorFromParsed } from './classify';
import { HubSpotClient } from './client';
import { baseUrl } from './config';
import { MORE_OBJECT_TYPE_SCOPES } from './objectTypes';
import { paths } from './paths';
import { BEYOND_CRM_SCOPES } from './scopes';
import type { Transport } from './transport';

/**
 * HubSpot OAuth 2.0 (authorization code), shared by the Zapier and Make apps.
 * https://developers.hubspot.com/docs/api/oauth-quickstart-guide
 */

/** The smallest set that lets a connection work at all: contacts, which every Zap here touches. */
export const REQUIRED_SCOPES = ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write'] as const;

/** Asked as optional: a portal without a product (e.g. no Service Hub for tickets) can still connect. */
export const OPTIONAL_SCOPES: readonly string[] = [
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'tickets',
  'crm.objects.owners.read',
  'crm.objects.custom.read',
  'crm.objects.custom.write',
  'crm.schemas.custom.read',
  'crm.objects.line_items.read',
  'crm.objects.line_items.write',
  'crm.objects.products.read',
  'crm.objects.products.write',
  'crm.lists.read',
  'crm.lists.write',
  'files',
  'forms',
  // Types a portal has only with a paid tier or a feature set up (`availability` in `hubspot/objectTypes.ts`): asked
  // as optional so that a portal without them still connects.
  ...MORE_OBJECT_TYPE_SCOPES,
  // Beyond the CRM: each operation's own (`hubspot/scopes.ts`).
  ...BEYOND_CRM_SCOPES,
];

/**
 * HubSpot's consent page lives on app.hubspot.com, not the API host. `HUBSPOT_AUTHORIZE_URL` overrides it; when only
 * `HUBSPOT_BASE_URL` is set (the sandbox), the sandbox's own `/oauth/authorize` is used.
 */
export function authorizeEndpoint(): string {
  const explicit = process.env.HUBSPOT_AUTHORIZE_URL?.trim();
  if (explicit) return explicit;
  if (process.env.HUBSPOT_BASE_URL?.trim()) return `${baseUrl()}/oauth/authorize`;
  return 'https://app.hubspot.com/oauth/authorize';
}

export function authorizeUrl(params: { clientId: string; redirectUri: string; state: string }): string {
  const url = new URL(authorizeEndpoint());
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('scope', REQUIRED_SCOPES.join(' '));
  url.searchParams.set('optional_scope', OPTIONAL_SCOPES.join(' '));
  url.searchParams.set('state', params.state);
  return url.toString();
}

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type?: string;
}

/** What the introspection endpoint says of an active access token (RFC 7662 plus HubSpot's fields). */
export interface TokenIdentity {
  hub_id: number;
  /** The portal's domain, when HubSpot names it; the connection label falls back to the hub id. */
  hub_domain?: string;
  user: string;
  user_id?: number;
  app_id?: number;
  scopes: string[];
  expires_in: number;
}

export interface OAuthCredentials {
  clientId: string;
  clientSecret: string;
}

/** Exchanges a code or a refresh token for tokens: `POST /oauth/v3/token`, form-encoded. */
export async function requestTokens(
  transport: Transport,
  credentials: OAuthCredentials,
  grant:
    | { grant_type: 'authorization_code'; code: string; redirect_uri: string }
    | { grant_type: 'refresh_token'; refresh_token: string },
): Promise<TokenResponse> {
  const { data } = await oauthClient(transport).request<TokenResponse>({
    method: 'POST',
    path: paths.oauth.token(),
    auth: false,
    form: { ...grant, client_id: credentials.clientId, client_secret: credentials.clientSecret },
  });
  return data;
}

/**
 * Who and which portal an access token belongs to: `POST /oauth/v3/token/introspect` (RFC 7662). An inactive token
 * (expired, revoked, unknown) is an expired authentication, which Zapier answers by refreshing.
 */
export async function introspectAccessToken(
  transport: Transport,
  credentials: OAuthCredentials,
  accessToken: string,
): Promise<TokenIdentity> {
  const { data } = await oauthClient(transport).request<
    {
      active: boolean;
      token?: string;
      client_id?: string;
      token_use?: string;
      token_type?: string;
    } & TokenIdentity
  >({
    method: 'POST',
    path: paths.oauth.introspect(),
    auth: false,
    // Idempotent: reading metadata changes nothing, so a dropped connection may be retried.
    idempotent: true,
    form: {
      token: accessToken,
      token_type_hint: 'access_token',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    },
  });
  if (!data.active) {
    throw errorFromParsed(
      401,
      { category: 'EXPIRED_AUTHENTICATION', errors: [], propertyErrors: [] },
      { canRefreshAuth: true },
    );
  }
  // Keep the identity only: the token, client id and token kinds never reach a step's output or a log.
  const { active: _a, token: _t, client_id: _c, token_use: _u, token_type: _y, ...identity } = data;
  return identity;
}

/**
 * The OAuth endpoints take no bearer token. Every secret travels in the form body, which the client never logs, and
 * v3 URLs carry none.
 */
function oauthClient(transport: Transport): HubSpotClient {
  return new HubSpotClient({ accessToken: '', transport });
}
