import { Client } from '@hubspot/api-client';
import type { OAuthApp } from '../../sandbox/state/auth';
import { download, type FetchAnswer, install } from '../support/journal';
import { useSdkSandbox } from '../support/sdk';

/**
 * The webhooks journal through @hubspot/api-client 14. The SDK covers the client-credentials grant
 * (`oauth.tokensApi.create`, whose answer it maps to `TokenResponseIF`) but has no journal API (no
 * `webhooks-journal` codegen), so journal calls go through its generic `apiRequest`, which still uses the SDK's base
 * path and Bearer token.
 */
describe('webhooks journal contract (@hubspot/api-client 14)', () => {
  const s = useSdkSandbox();
  let app: OAuthApp;

  beforeAll(async () => {
    app = s.t.sandbox.portal.auth.registerOAuthApp();
    await install(s.t, app);
  });

  const grant = (clientSecret: string) =>
    s.client.oauth.tokensApi.create('client_credentials', undefined, undefined, app.clientId, clientSecret);

  it('grants an app token through tokensApi.create and refuses a wrong secret with an ApiException', async () => {
    const token = await grant(app.clientSecret);
    // tokensApi.create maps every answer to TokenResponseIF, which has no tokenUse (the SDK's
    // ClientCredentialsTokenResponse model is never used by it): the fields it keeps are checked.
    expect(token).toMatchObject({ tokenType: 'bearer', expiresIn: 1800 });
    expect(token.accessToken).toMatch(/^sandbox-app-/);
    expect(token.refreshToken).toBeUndefined();
    await expect(grant('wrong')).rejects.toMatchObject({ code: 400, body: { status: 'BAD_CLIENT_SECRET' } });
  });

  it('subscribes and reads the journal with that token through apiRequest', async () => {
    const { accessToken } = await grant(app.clientSecret);
    const appClient = new Client({ accessToken, basePath: s.t.url });
    const portalId = s.t.sandbox.portal.info.portalId;
    const subscribed = await appClient.apiRequest({
      method: 'POST',
      path: '/webhooks-journal/subscriptions/2026-03',
      body: { subscriptionType: 'OBJECT', objectTypeId: '0-1', actions: ['CREATE'], portalId },
    });
    expect(subscribed.status).toBe(200);
    await s.client.crm.contacts.basicApi.create({
      properties: { email: 'sdk@example.com' },
      associations: [],
    });
    const earliest = await appClient.apiRequest({
      method: 'GET',
      path: '/webhooks-journal/journal/2026-03/earliest',
    });
    expect(earliest.status).toBe(200);
    const answer = (await earliest.json()) as FetchAnswer;
    expect(Date.parse(answer.expiresAt)).toBeGreaterThan(Date.now());
    const file = await download(answer);
    expect(file.journalEvents).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        portalId,
        propertyChanges: expect.objectContaining({ email: 'sdk@example.com' }),
      }),
    ]);
    // The user token the SDK holds is refused on the journal, the app token on the CRM.
    expect(
      (await s.client.apiRequest({ method: 'GET', path: '/webhooks-journal/journal/2026-03/latest' })).status,
    ).toBe(401);
    await expect(appClient.crm.contacts.basicApi.getPage()).rejects.toMatchObject({ code: 401 });
  });
});
