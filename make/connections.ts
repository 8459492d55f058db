import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../hubspot/oauth';
import { paths } from '../hubspot/paths';
import { ALL_SCOPES } from '../hubspot/scopes';
import { oauthErrorTypeExpression } from './errors';
import type { MakeConnection, MakeModule } from './model';
import { HUBSPOT_API } from './objectRef';

/**
 * The two ways to connect: HubSpot OAuth 2.0 (the public app; client id and secret live in the connection's common
 * data on Make, never in this repo) and a private-app access token. Both store `accessToken`, so the Base's
 * `Authorization` header reads `{{connection.accessToken}}` for either.
 * OAuth: https://developers.hubspot.com/docs/api/oauth-quickstart-guide; Make's OAuth 2.0 connection:
 * https://developers.make.com/custom-apps-documentation/app-components/connections.
 */

export const OAUTH_CONNECTION = 'hubspot';
export const TOKEN_CONNECTION = 'hubspotToken';
/** HubSpot's consent page is on app.hubspot.com, not the API host. */
export const AUTHORIZE_URL = 'https://app.hubspot.com/oauth/authorize';

/**
 * The scope settings of the HubSpot app behind the OAuth connection, one type per scope, as HubSpot's advanced scope
 * settings require (https://developers.hubspot.com/changelog/advanced-auth-and-scope-settings-for-public-apps):
 * required ones are always in `scope`; an optional one is only ever in `optional_scope`; a conditionally required one
 * only in `scope`. One HubSpot app serves Zapier and Make (and the events relay), so Make asks exactly what the Zapier
 * app asks (`hubspot/oauth.ts`): the contacts scopes as required, every scope a module declares among the optional
 * ones, requested at the first connection whatever module it is made from. A scope Make adds for a module
 * (`oauth.scope`, "extend scopes") is already in `optional_scope`, so `scope` leaves it out. Conditionally required
 * scopes are only those a partner adds for "Additional scopes" (none by default).
 */
export function hubspotAppScopes(modules: readonly MakeModule[]) {
  const required: string[] = [...REQUIRED_SCOPES];
  const declared = new Set(modules.flatMap((m) => m.scope));
  const unknown = [...declared].filter((s) => !ALL_SCOPES.includes(s));
  if (unknown.length > 0)
    throw new Error(`Make modules declare unknown HubSpot scopes: ${unknown.join(', ')}`);
  const undeclared = [...declared].filter(
    (s) => !required.includes(s) && !OPTIONAL_SCOPES.includes(s as never),
  );
  if (undeclared.length > 0)
    throw new Error(`Make modules declare scopes the HubSpot app does not ask for: ${undeclared.join(', ')}`);
  return { required, conditionallyRequired: [] as string[], optional: [...OPTIONAL_SCOPES] as string[] };
}

/** Space-separated names in each item are split, so one typed item with two scopes still lists each once. */
const ADDITIONAL_SCOPES = 'additionalScopes';

/**
 * `scope`: what Make asks for (`oauth.scope`: the default scope plus the scopes of the modules the connection is
 * created or extended for) and the "Additional scopes", without duplicates, blanks, or any scope the app takes as
 * optional (already in `optional_scope`: HubSpot refuses a scope listed in both). `remove`, `deduplicate`, `merge`,
 * `split`, `join`: https://help.make.com/array-functions.
 */
function scopeExpression(optional: readonly string[]): string {
  const asked = `merge(oauth.scope, ifempty(parameters.${ADDITIONAL_SCOPES}, emptyarray))`;
  const removed = ["''", ...optional.map((s) => `'${s}'`)].join(', ');
  return `{{join(deduplicate(remove(split(join(remove(${asked}, ''), ' '), ' '), ${removed})), ' ')}}`;
}

const tokenData = {
  accessToken: '{{body.access_token}}',
  refreshToken: '{{body.refresh_token}}',
  expires: '{{addSeconds(now, body.expires_in)}}',
};

/** Errors of the token and info calls, from the error table's OAuth rows (`make/errors.ts`). */
const tokenErrors = {
  message: '[{{statusCode}}] {{ifempty(body.message, body.error_description)}}',
  type: oauthErrorTypeExpression(),
};

function oauthConnection(modules: readonly MakeModule[]): MakeConnection {
  const tokenUrl = `${HUBSPOT_API}${paths.oauth.token()}`;
  const scopes = hubspotAppScopes(modules);
  return {
    name: OAUTH_CONNECTION,
    label: 'HubSpot (OAuth)',
    type: 'oauth',
    // For Make an API Call: scopes no module declares (Make's "Additional OAuth scopes",
    // https://developers.make.com/custom-apps-documentation/best-practices/connections/additional-oauth-scopes).
    params: [
      {
        name: ADDITIONAL_SCOPES,
        type: 'array',
        label: 'Additional scopes',
        advanced: true,
        spec: { type: 'text', label: 'Scope' },
        help:
          'HubSpot scopes the endpoints you call with "Make an API Call" need, one per item (e.g. `automation`). ' +
          'The HubSpot app must list each as a conditionally required or optional scope, or HubSpot refuses to connect.',
      },
    ],
    // The required scopes; Make adds the scopes of the modules the connection is used from. The optional ones are
    // always offered, so a portal without a product (e.g. no Service Hub) can still connect.
    defaultScope: scopes.required,
    scopeList: Object.fromEntries(ALL_SCOPES.map((s) => [s, `HubSpot scope ${s}`])),
    communication: {
      authorize: {
        url: AUTHORIZE_URL,
        qs: {
          client_id: '{{common.clientId}}',
          redirect_uri: '{{oauth.localRedirectUri}}',
          scope: scopeExpression(scopes.optional),
          ...(scopes.optional.length > 0 ? { optional_scope: scopes.optional.join(' ') } : {}),
        },
        response: { temp: { code: '{{query.code}}' } },
      },
      token: {
        url: tokenUrl,
        method: 'POST',
        type: 'urlencoded',
        body: {
          grant_type: 'authorization_code',
          code: '{{temp.code}}',
          client_id: '{{common.clientId}}',
          client_secret: '{{common.clientSecret}}',
          redirect_uri: '{{oauth.localRedirectUri}}',
        },
        response: { data: tokenData, error: tokenErrors },
        log: {
          sanitize: [
            'request.body.code',
            'request.body.client_secret',
            'response.body.access_token',
            'response.body.refresh_token',
          ],
        },
      },
      // HubSpot access tokens live 30 minutes; refresh when less than 5 remain.
      refresh: {
        condition: '{{data.expires < addMinutes(now, 5)}}',
        url: tokenUrl,
        method: 'POST',
        type: 'urlencoded',
        body: {
          grant_type: 'refresh_token',
          refresh_token: '{{data.refreshToken}}',
          client_id: '{{common.clientId}}',
          client_secret: '{{common.clientSecret}}',
        },
        response: { data: tokenData, error: tokenErrors },
        log: {
          sanitize: [
            'request.body.refresh_token',
            'request.body.client_secret',
            'response.body.access_token',
            'response.body.refresh_token',
          ],
        },
      },
      // Who and which portal: RFC 7662 introspection, every parameter in the body. An inactive token answers 200
      // with `active: false`, which `valid` turns into an error.
      info: {
        url: `${HUBSPOT_API}${paths.oauth.introspect()}`,
        method: 'POST',
        type: 'urlencoded',
        body: {
          token: '{{data.accessToken}}',
          token_type_hint: 'access_token',
          client_id: '{{common.clientId}}',
          client_secret: '{{common.clientSecret}}',
        },
        response: {
          valid: {
            condition: '{{body.active}}',
            message: 'HubSpot says this access token is no longer active. Reconnect your HubSpot account.',
            type: 'InvalidAccessTokenError',
          },
          uid: '{{body.hub_id}}',
          metadata: { type: 'text', value: '{{body.user}} — {{body.hub_domain}} (portal {{body.hub_id}})' },
          error: tokenErrors,
        },
        log: { sanitize: ['request.body.token', 'request.body.client_secret'] },
      },
      // Deleting the connection in Make revokes its refresh token at HubSpot (RFC 7009), so nothing can renew access
      // afterwards; access tokens already issued lapse within 30 minutes.
      invalidate: {
        url: `${HUBSPOT_API}${paths.oauth.revoke()}`,
        method: 'POST',
        type: 'urlencoded',
        body: {
          token: '{{data.refreshToken}}',
          token_type_hint: 'refresh_token',
          client_id: '{{common.clientId}}',
          client_secret: '{{common.clientSecret}}',
        },
        response: { error: tokenErrors },
        log: { sanitize: ['request.body.token', 'request.body.client_secret'] },
      },
    },
  };
}

function tokenConnection(): MakeConnection {
  return {
    name: TOKEN_CONNECTION,
    label: 'HubSpot private app token',
    type: 'basic',
    params: [
      {
        name: 'accessToken',
        type: 'password',
        label: 'Private app access token',
        required: true,
        help: 'In HubSpot: Settings → Integrations → Private Apps → your app → Access token (starts with `pat-`).',
      },
    ],
    // Checked against HubSpot when saved: the token must read the account's details.
    communication: {
      url: `${HUBSPOT_API}${paths.account.details()}`,
      headers: { Authorization: 'Bearer {{parameters.accessToken}}' },
      response: {
        uid: '{{body.portalId}}',
        metadata: { type: 'text', value: 'HubSpot portal {{body.portalId}} ({{body.uiDomain}})' },
        error: {
          message: '[{{statusCode}}] {{body.message}}',
          type: "{{if(statusCode == 401 || statusCode == 403, 'InvalidAccessTokenError', if(statusCode == 429, 'RateLimitError', if(statusCode >= 500, 'ConnectionError', 'RuntimeError')))}}",
        },
      },
      log: { sanitize: ['request.headers.authorization'] },
    },
  };
}

export function connections(modules: readonly MakeModule[]): MakeConnection[] {
  return [oauthConnection(modules), tokenConnection()];
}
