import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  authorizeUrl,
  introspectAccessToken,
  type OAuthCredentials,
  REQUIRED_SCOPES,
  requestTokens,
} from './hubspot/oauth';
import { toZapierError } from './zapier/errors';
import { zapierTransport } from './zapier/transport';

/**
 * OAuth 2.0 with HubSpot. Client id and secret come from the environment (`HUBSPOT_CLIENT_ID`,
 * `HUBSPOT_CLIENT_SECRET`, set with `zapier-platform env:set`), never from the repo. Every URL follows
 * `HUBSPOT_BASE_URL`, so the whole app runs on the sandbox. Access tokens live 30 minutes; `autoRefresh` makes Zapier
 * refresh on a 401 and retry the step.
 */

function credentials(): OAuthCredentials {
  const clientId = process.env.HUBSPOT_CLIENT_ID ?? process.env.CLIENT_ID;
  const clientSecret = process.env.HUBSPOT_CLIENT_SECRET ?? process.env.CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new Error(
      'HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET must be set in the integration environment.',
    );
  }
  return { clientId, clientSecret };
}

/** Who and which portal a token belongs to; the label falls back to the hub id when HubSpot names no domain. */
async function identity(z: ZObject, accessToken: string) {
  const info = await introspectAccessToken(zapierTransport(z), credentials(), accessToken);
  return { ...info, hub_domain: info.hub_domain ?? `HubSpot account ${info.hub_id}` };
}

/** Tokens plus who and which portal they belong to, stored in authData for the connection label and throttling. */
async function withIdentity(z: ZObject, tokens: Awaited<ReturnType<typeof requestTokens>>) {
  const info = await identity(z, tokens.access_token);
  return {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    expires_in: tokens.expires_in,
    hub_id: String(info.hub_id),
    hub_domain: info.hub_domain,
    user: info.user,
  };
}

const guard =
  <T>(fn: (z: ZObject, bundle: Bundle) => Promise<T>) =>
  async (z: ZObject, bundle: Bundle): Promise<T> => {
    try {
      return await fn(z, bundle);
    } catch (error) {
      throw toZapierError(z, error);
    }
  };

export default {
  type: 'oauth2' as const,
  oauth2Config: {
    authorizeUrl: (_z: ZObject, bundle: Bundle) =>
      authorizeUrl({
        clientId: credentials().clientId,
        redirectUri: String(bundle.inputData.redirect_uri),
        state: String(bundle.inputData.state),
      }),
    getAccessToken: guard(async (z, bundle) =>
      withIdentity(
        z,
        await requestTokens(zapierTransport(z), credentials(), {
          grant_type: 'authorization_code',
          code: String(bundle.inputData.code),
          redirect_uri: String(bundle.inputData.redirect_uri),
        }),
      ),
    ),
    refreshAccessToken: guard(async (z, bundle) => {
      const tokens = await requestTokens(zapierTransport(z), credentials(), {
        grant_type: 'refresh_token',
        refresh_token: bundle.authData.refresh_token ?? '',
      });
      return {
        access_token: tokens.access_token,
        refresh_token: tokens.refresh_token,
        expires_in: tokens.expires_in,
      };
    }),
    scope: REQUIRED_SCOPES.join(' '),
    autoRefresh: true,
  },
  fields: [
    { key: 'hub_id', type: 'string' as const, required: false, computed: true },
    { key: 'hub_domain', type: 'string' as const, required: false, computed: true },
    { key: 'user', type: 'string' as const, required: false, computed: true },
  ],
  /** Checks the token and names the portal: `POST /oauth/v3/token/introspect`. */
  test: guard(async (z, bundle) => identity(z, bundle.authData.access_token ?? '')),
  connectionLabel: '{{hub_domain}} ({{user}})',
};
