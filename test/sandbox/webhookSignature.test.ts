import { Signature } from '@hubspot/api-client';
import { createSandbox } from '../../sandbox';
import { signingUri } from '../../sandbox/webhooks/dispatcher';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * Push deliveries are relay-ready: X-HubSpot-Signature-v3 over method + full URI + body + timestamp with the app's
 * client secret, the URI with the escapes HubSpot's request-validation guide lists decoded, and the target URL set by
 * `PUT /webhooks/v3/{appId}/settings`.
 */
describe('sandbox webhook signatures', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('decodes only the listed escapes', () => {
    expect(signingUri('https://r.test/h?a=x%3Ay%2Fz%40w%2C1%3B2&b=two%20words%26more')).toBe(
      'https://r.test/h?a=x:y/z@w,1;2&b=two%20words%26more',
    );
    expect(signingUri('https://r.test/h?a=%2a%28%29')).toBe('https://r.test/h?a=*()');
  });

  it('signs a delivery to a target URL with escapes so that the SDK validates it on the decoded URI', async () => {
    const sandbox = createSandbox({ rateLimits: false, webhooks: { autoDeliver: false } });
    const app = sandbox.portal.auth.registerOAuthApp();
    const token = sandbox.portal.auth.createPrivateAppToken();
    const targetUrl = `${receiver.url}?tenant=acme%3Aeu&v=1`;
    const developer = (method: string, tail: string, body: unknown) =>
      sandbox.handle({
        method,
        url: `/webhooks/v3/${app.appId}${tail}?hapikey=${sandbox.portal.auth.developerApiKey}`,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(body)),
      });
    expect(
      (await developer('PUT', '/settings', { targetUrl, throttling: { maxConcurrentRequests: 5 } })).status,
    ).toBe(200);
    expect(
      (await developer('POST', '/subscriptions', { eventType: 'contact.creation', active: true })).status,
    ).toBe(201);
    await sandbox.handle({
      method: 'POST',
      url: '/crm/v3/objects/contacts',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ properties: { email: 'sig@example.com' } })),
    });
    await sandbox.webhooks.flush();
    const [delivery] = receiver.received;
    const check = (url: string) =>
      Signature.isValid({
        signatureVersion: 'v3',
        signature: String(delivery!.headers['x-hubspot-signature-v3']),
        clientSecret: app.clientSecret,
        requestBody: delivery!.body,
        url,
        method: 'POST',
        timestamp: Number(delivery!.headers['x-hubspot-request-timestamp']),
      });
    expect(check(`${receiver.url}?tenant=acme:eu&v=1`)).toBe(true);
    expect(check(targetUrl)).toBe(false);
    sandbox.webhooks.close();
  });
});
