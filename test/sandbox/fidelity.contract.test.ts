import { refusal, useSdkSandbox } from '../support/sdk';

/** The fidelity points of test/sandbox/fidelity.test.ts that @hubspot/api-client 14 reads, driven through it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sandbox fidelity under @hubspot/api-client 14', () => {
  const s = useSdkSandbox();

  it('hands the SDK a correlation id header on a success, and the body one on a 404', async () => {
    const contacts = s.client.crm.contacts.basicApi;
    const created = await contacts.create({
      properties: { email: 'sdk-fidelity@example.com' },
      associations: [],
    });
    const read = await contacts.getByIdWithHttpInfo(created.id);
    expect(read.httpStatusCode).toBe(200);
    expect(read.headers['x-hubspot-correlation-id']).toMatch(UUID);

    const missing = await refusal(contacts.getById('999999999'));
    expect(missing.code).toBe(404);
    expect(missing.body).toEqual({
      status: 'error',
      message: 'resource not found',
      correlationId: expect.stringMatching(UUID),
    });
    expect(missing.headers['x-hubspot-correlation-id']).toBe(missing.body.correlationId);
  });

  it('hands the SDK the CONFLICT body of a duplicate e-mail', async () => {
    const contacts = s.client.crm.contacts.basicApi;
    const taken = await contacts.create({ properties: { email: 'sdk-twice@example.com' }, associations: [] });
    const duplicate = await refusal(
      contacts.create({ properties: { email: 'sdk-twice@example.com' }, associations: [] }),
    );
    expect(duplicate.code).toBe(409);
    expect(duplicate.body).toEqual({
      status: 'error',
      message: `Contact already exists. Existing ID: ${taken.id}`,
      correlationId: expect.stringMatching(UUID),
      category: 'CONFLICT',
    });
  });

  it("reads access-token metadata, token included, with the SDK's accessTokensApi", async () => {
    const auth = s.t.sandbox.portal.auth;
    const app = auth.registerOAuthApp();
    const { accessToken } = auth.issueOAuthTokens(app, ['oauth']);
    const info = await s.client.oauth.accessTokensApi.get(accessToken);
    expect(info).toMatchObject({ token: accessToken, appId: app.appId, hubId: 62515, tokenType: 'access' });
  });
});
