import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../hubspot/oauth';
import { paths } from '../hubspot/paths';
import { ALL_SCOPES } from '../hubspot/scopes';
import { oauthErrorTypeExpression } from './errors';
import type { MakeConnection } from './model';
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

function oauthConnection(): MakeConnection {
  const tokenUrl = `${HUBSPOT_API}${paths.oauth.token()}`;
  return {
    name: OAUTH_CONNECTION,
    label: 'HubSpot (OAuth)',
    type: 'oauth',
    params: [],
    // Scopes a scenario's modules add are joined to the required ones; the optional ones are always offered, so a
    // portal without a product (e.g. no Service Hub) can still connect.
    defaultScope: [...REQUIRED_SCOPES],
    scopeList: Object.fromEntries(ALL_SCOPES.map((s) => [s, `HubSpot scope ${s}`])),
    communication: {
      authorize: {
        url: AUTHORIZE_URL,
        qs: {
          client_id: '{{common.clientId}}',
          redirect_uri: '{{oauth.localRedirectUri}}',
          scope: "{{join(oauth.scope, ' ')}}",
          optional_scope: OPTIONAL_SCOPES.join(' '),
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

export function connections(): MakeConnection[] {
  return [oauthConnection(), tokenConnection()];
}
